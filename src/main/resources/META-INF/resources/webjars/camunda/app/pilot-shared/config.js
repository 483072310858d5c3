// What every webapp (Tasklist, Cockpit, Admin, Welcome) shares for the programme
// "Chính quyền thân thiện vì nhân dân phục vụ": Vietnamese for every browser language but
// English, dates as officials write them, the programme's name in the header.
export default function pilotConfig(appName) {
  return {
    app: {
      name: '— ' + appName,
      vendor: 'Chính quyền thân thiện vì nhân dân phục vụ'
    },
    locales: {
      availableLocales: ['vi', 'en'],
      fallbackLocale: 'vi'
    },
    dateFormat: {
      monthName: 'MMMM',
      day: 'DD',
      abbr: 'DD/MM HH:mm',
      normal: 'DD/MM/YYYY HH:mm',
      long: 'dddd, DD/MM/YYYY HH:mm',
      short: 'DD/MM/YYYY'
    }
  };
}
