# error: English. A key `area.rest` of the code is the message `area-rest` here.

## Errors

error-not_found = This page does not exist or is not available to you.
error-unauthenticated = Sign in to continue.
error-two_factor_required = Your Organization requires two-factor authentication: turn it on in your profile.
error-invalid = Some data is invalid.
error-internal = An internal error occurred. Try again in a moment; if it persists, contact support.
error-method_not_allowed = This address does not accept this HTTP method: see /api/openapi.json.
error-title_not_found = Page not found
error-title_forbidden = Access denied
error-title_too_many = Too many attempts
error-title_internal = Internal error
error-title_refused = Action not possible
error-retry_after = Try again in { $secs ->
        [one] { $secs } second.
       *[other] { $secs } seconds.
    }
error-back_home = Back to the home page
