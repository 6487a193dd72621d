# help: French. A key `area.rest` of the code is the message `area-rest` here.

## Navigation and layout

help-this_page = Aide sur cette page

## Help

help-title = Aide
help-intro = Ici, il n'y a que des solutions. Choisissez un sujet.
help-all_topics = Tous les sujets
help-search_label = Rechercher dans l'aide
help-search_placeholder = p. ex. facture pro forma, compte prépayé…
help-search = Rechercher
help-results = Résultats de la recherche
help-no_results = Aucun guide ne correspond. Essayez d'autres mots, ou parcourez les catégories.
help-about_page = Guides sur la page que vous quittez
help-none_for_page = Pas encore de guide pour cette page : cherchez ci-dessus.
help-all_in_category = Tous les guides de cette catégorie
help-empty_category = Aucun guide dans cette catégorie pour cette langue.
help-other_languages = Aussi disponible en :
help-related = Guides liés
help-helpful = Ce guide vous a-t-il aidé ?
help-comment_label = Un commentaire (facultatif)
help-yes = Oui
help-no = Non
help-thanks = Merci pour votre retour !
