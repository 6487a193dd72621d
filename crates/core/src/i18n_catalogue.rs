catalogue! {
    "nav.products" => ["Produits", "Products", "Produkte"],
    "mail.greeting" => ["Bonjour {name},", "Hello {name},", "Guten Tag {name},"],
}
