/** Chaînes françaises (Canada) des avertissements du signalement (partie 7, § 2). Partie de `frCA` (fr-CA.ts). */
export const frCAReferral = {
  referral: {
    forewarningTitle: "Avant d'ouvrir ce fichier",
    forewarningIntro: 'Selon le signalement, ce fichier contient\u00a0:',
    classification: "Classification de l'industrie {{classification}}",
    annotation: {
      infant: 'un nourrisson',
      violence: 'de la violence',
      bestiality: 'de la bestialité',
      sadism: 'du sadisme',
    },
    openStrongest: 'Ouvrir avec le filtre le plus fort',
    notNow: 'Pas maintenant',
    escapeIsNotNow: 'Échap répond «\u00a0Pas maintenant\u00a0» et masque tous les médias',
    lockedTile: 'Verrouillé — autorisation requise',
    lockedTitle: 'Verrouillé — autorisation requise',
    lockedWhy:
      "Selon le signalement, personne chez le fournisseur n'a vu ce fichier et il n'était pas accessible au public. Consignez le mandat ou l'ordonnance qui vous autorise à l'ouvrir.",
    reference: "Référence du mandat ou de l'ordonnance",
    authorisationDate: "Date de l'autorisation",
    authorise: "Consigner l'autorisation",
    authoriseMissing: "Saisissez la référence et la date de l'autorisation.",
  },
};
