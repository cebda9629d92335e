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
    escapeIsNotNow: 'Échap\u00a0: pas maintenant',
  },
};
