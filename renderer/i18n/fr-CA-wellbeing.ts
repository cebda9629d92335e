import type { enWellbeing } from './en-wellbeing';

/** Strings of break and limit timing and of the week's first day in Canadian French (see en-wellbeing.ts). */
export const frCAWellbeing: typeof enWellbeing = {
  breakTiming: {
    dueIn_one: 'Pause prévue — elle commencera dans {{count}}\u00a0minute, ou quand vous fermerez cet élément',
    dueIn_many: 'Pause prévue — elle commencera dans {{count}}\u00a0minutes, ou quand vous fermerez cet élément',
    dueIn_other: 'Pause prévue — elle commencera dans {{count}}\u00a0minutes, ou quand vous fermerez cet élément',
    dueNow: 'Pause prévue — elle commence maintenant, ou quand vous fermerez cet élément',
    nextBreakIn_one: 'Prochaine pause dans {{count}}\u00a0min',
    nextBreakIn_many: 'Prochaine pause dans {{count}}\u00a0min',
    nextBreakIn_other: 'Prochaine pause dans {{count}}\u00a0min',
    nextBreakHelp: "Temps de visionnement qui reste avant la prochaine pause. Il n'est compté que lorsqu'un média est à l'écran.",
    breakDue: 'Pause prévue',
    extensionLeft_one: 'Fin de la prolongation dans {{count}}\u00a0min',
    extensionLeft_many: 'Fin de la prolongation dans {{count}}\u00a0min',
    extensionLeft_other: 'Fin de la prolongation dans {{count}}\u00a0min',
    extensionHelp: 'Vous avez prolongé une limite personnelle\u00a0: voici le temps de visionnement qui reste avant la fin du temps accordé.',
  },
  weekStart: {
    label: 'Premier jour de la semaine (Mon exposition)',
    language: "Comme d'habitude dans ma langue ({{day}})",
    sunday: 'Dimanche',
    monday: 'Lundi',
    help: "Les sommaires d'équipe utilisent toujours les semaines ISO, du lundi au dimanche.",
    weeksFrom: 'Les semaines commencent le {{day}}',
    isoWeeks: 'Les sommaires utilisent les semaines ISO\u00a0: du lundi au dimanche, quel que soit le premier jour de la semaine dans Mon exposition.',
  },
};
