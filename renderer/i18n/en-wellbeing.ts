/**
 * English strings of break and limit timing (the header's countdown, a due break's notice)
 * and of the week's first day. Part of `en` (en.ts).
 */
export const enWellbeing = {
  breakTiming: {
    dueIn_one: 'Break due — it starts in {{count}} minute, or when you close this item',
    dueIn_many: 'Break due — it starts in {{count}} minutes, or when you close this item',
    dueIn_other: 'Break due — it starts in {{count}} minutes, or when you close this item',
    dueNow: 'Break due — it starts now, or when you close this item',
    nextBreakIn_one: 'Next break in {{count}} min',
    nextBreakIn_many: 'Next break in {{count}} min',
    nextBreakIn_other: 'Next break in {{count}} min',
    nextBreakHelp: 'Viewing time left before the next break. It counts only while media is on screen.',
    breakDue: 'Break due',
    extensionLeft_one: 'Extension ends in {{count}} min',
    extensionLeft_many: 'Extension ends in {{count}} min',
    extensionLeft_other: 'Extension ends in {{count}} min',
    extensionHelp: 'You overrode a personal limit: this is the viewing time left before the extra time ends.',
  },
  weekStart: {
    label: 'First day of the week (My exposure)',
    language: 'As usual in my language ({{day}})',
    sunday: 'Sunday',
    monday: 'Monday',
    help: 'Team summaries always use ISO weeks, Monday to Sunday.',
    weeksFrom: 'Weeks start on {{day}}',
    isoWeeks: 'Summaries use ISO weeks: Monday to Sunday, whatever the first day of the week in My exposure.',
  },
};
