// Dates in Tasklist as officials write them: the task list and the task's header show the due,
// follow-up and creation dates as dd/mm/yyyy ("Hạn xử lý 05/09/2023"), not as a distance from
// today ("còn 3 ngày"). Tasklist prints these dates with angular-moment's am-time-ago, which
// shows a full date from a threshold on; the threshold is lowered so that every date is full.
// The tooltip keeps the day of the week and the time. An AngularJS module, loaded before
// Tasklist starts through requireJsConfig in config.js: an ES custom script runs too late to
// configure a directive.
define('pilot-absolute-dates', ['angular'], function (angular) {
  angular.module('pilot.absoluteDates', ['angularMoment'])
    .config(['amTimeAgoConfig', function (timeAgo) {
      timeAgo.fullDateThreshold = -Infinity;
      timeAgo.fullDateThresholdUnit = 'day';
      timeAgo.fullDateFormat = 'DD/MM/YYYY';
    }]);
});
