// Camunda Admin's first-user setup is closed (the server refuses it: FirstUserSetupFilter). While
// no administrator exists, Camunda still sends the Admin page to its "#/setup" page; this module
// shows there, instead of the form, who can create the first administrator and how: set
// PILOT_ADMIN_PASSWORD and restart. An AngularJS module loaded before Admin starts
// (requireJsConfig in config.js); it replaces the template and controller of Admin's own
// "/setup" route once every route is defined.
define('pilot-setup-closed', ['angular'], function (angular) {
  var TEMPLATE =
    '<section class="pilot-setup-closed">' +
    '  <div class="section-content">' +
    '    <header class="row"><div class="col-xs-12">' +
    '      <h3 translate="PILOT_SETUP_CLOSED_TITLE" translate-default="No system administrator yet"></h3>' +
    '    </div></header>' +
    '    <div class="row"><div class="col-md-8">' +
    '      <div class="alert alert-warning" role="alert">' +
    '        <p translate="PILOT_SETUP_CLOSED_WHY" translate-default="This installation has no administrator yet. ' +
    'For safety, no administrator can be created on this page."></p>' +
    '        <p translate="PILOT_SETUP_CLOSED_HOW" translate-default="Whoever runs the server sets PILOT_ADMIN_PASSWORD ' +
    '(the password of the user &laquo;admin&raquo;) and restarts the application; &laquo;admin&raquo; is created at start."></p>' +
    '        <p translate="PILOT_SETUP_CLOSED_POLICY" translate-default="The password needs at least 10 characters ' +
    'with upper- and lower-case letters, a digit and a special character."></p>' +
    '      </div>' +
    '    </div></div>' +
    '  </div>' +
    '</section>';

  angular.module('pilot.setupClosed', [])
    .run(['$injector', function ($injector) {
      if (!$injector.has('$route')) {
        return;
      }
      var setup = $injector.get('$route').routes['/setup'];
      if (!setup) {
        return;
      }
      setup.template = TEMPLATE;
      delete setup.templateUrl;
      // as Camunda's own controller: the page only under ".../admin/<engine>/setup/", where the
      // server sends a browser while no administrator exists
      setup.controller = ['$location', function ($location) {
        if (!/\/app\/admin\/[\w-]+\/setup\//.test($location.absUrl())) {
          $location.path('/');
        }
      }];
    }]);
});
