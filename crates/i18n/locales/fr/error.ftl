# error: French. A key `area.rest` of the code is the message `area-rest` here.

## Errors

error-not_found = Cette page n'existe pas ou ne vous est pas accessible.
error-unauthenticated = Connectez-vous pour continuer.
error-two_factor_required = Votre Organisation exige l'authentification à deux facteurs : activez-la dans votre profil.
error-invalid = Certaines données sont invalides.
error-internal = Une erreur interne est survenue. Réessayez dans un instant ; si elle persiste, contactez le support.
error-method_not_allowed = Cette adresse n'accepte pas cette méthode HTTP : voir /api/openapi.json.
error-title_not_found = Page introuvable
error-title_forbidden = Accès refusé
error-title_too_many = Trop de tentatives
error-title_internal = Erreur interne
error-title_refused = Action impossible
error-retry_after = Réessayez dans { $secs ->
        [one] { $secs } seconde.
       *[other] { $secs } secondes.
    }
error-back_home = Retour à l'accueil
