//! Titles and headings of the payment part and receipt in the four languages (IG annex).

/// Language of the payment part's printed titles and headings: the Manager's languages
/// (`guichet_core::Lang`, see the `From` below) and Italian, which the QR-bill guidelines
/// require of a payment part (IG annex D) but the Manager does not speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    /// German.
    De,
    /// French.
    Fr,
    /// Italian.
    It,
    /// English.
    En,
}

/// A printed title or heading of the payment part and receipt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Label {
    /// Title of the payment part.
    PaymentPart,
    /// Title of the receipt.
    Receipt,
    /// Heading of the creditor account and address.
    AccountPayableTo,
    /// Heading of the reference.
    Reference,
    /// Heading of the message and billing information.
    AdditionalInformation,
    /// Heading of the debtor address.
    PayableBy,
    /// Heading of the blank debtor box.
    PayableByNameAddress,
    /// Heading of the currency.
    Currency,
    /// Heading of the amount.
    Amount,
    /// Receipt's acceptance point.
    AcceptancePoint,
    /// Text printed above the separation line on plain paper (outside the 105 mm slip).
    SeparateBeforePayingIn,
}

impl From<guichet_core::Lang> for Language {
    fn from(lang: guichet_core::Lang) -> Language {
        match lang {
            guichet_core::Lang::Fr => Language::Fr,
            guichet_core::Lang::En => Language::En,
            guichet_core::Lang::De => Language::De,
        }
    }
}

impl Language {
    /// The ISO 639-1 code: `de`, `fr`, `it` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Language::De => "de",
            Language::Fr => "fr",
            Language::It => "it",
            Language::En => "en",
        }
    }

    /// The text of `label` in this language.
    pub fn text(self, label: Label) -> &'static str {
        use Label::*;
        use Language::*;
        match (label, self) {
            (PaymentPart, En) => "Payment part",
            (PaymentPart, De) => "Zahlteil",
            (PaymentPart, Fr) => "Section paiement",
            (PaymentPart, It) => "Sezione pagamento",
            (Receipt, En) => "Receipt",
            (Receipt, De) => "Empfangsschein",
            (Receipt, Fr) => "Récépissé",
            (Receipt, It) => "Ricevuta",
            (AccountPayableTo, En) => "Account / Payable to",
            (AccountPayableTo, De) => "Konto / Zahlbar an",
            (AccountPayableTo, Fr) => "Compte / Payable à",
            (AccountPayableTo, It) => "Conto / Pagabile a",
            (Reference, En) => "Reference",
            (Reference, De) => "Referenz",
            (Reference, Fr) => "Référence",
            (Reference, It) => "Riferimento",
            (AdditionalInformation, En) => "Additional information",
            (AdditionalInformation, De) => "Zusätzliche Informationen",
            (AdditionalInformation, Fr) => "Informations supplémentaires",
            (AdditionalInformation, It) => "Informazioni supplementari",
            (PayableBy, En) => "Payable by",
            (PayableBy, De) => "Zahlbar durch",
            (PayableBy, Fr) => "Payable par",
            (PayableBy, It) => "Pagabile da",
            (PayableByNameAddress, En) => "Payable by (name/address)",
            (PayableByNameAddress, De) => "Zahlbar durch (Name/Adresse)",
            (PayableByNameAddress, Fr) => "Payable par (nom/adresse)",
            (PayableByNameAddress, It) => "Pagabile da (nome/indirizzo)",
            (Currency, En) => "Currency",
            (Currency, De) => "Währung",
            (Currency, Fr) => "Monnaie",
            (Currency, It) => "Valuta",
            (Amount, En) => "Amount",
            (Amount, De) => "Betrag",
            (Amount, Fr) => "Montant",
            (Amount, It) => "Importo",
            (AcceptancePoint, En) => "Acceptance point",
            (AcceptancePoint, De) => "Annahmestelle",
            (AcceptancePoint, Fr) => "Point de dépôt",
            (AcceptancePoint, It) => "Punto di accettazione",
            (SeparateBeforePayingIn, En) => "Separate before paying in",
            (SeparateBeforePayingIn, De) => "Vor der Einzahlung abzutrennen",
            (SeparateBeforePayingIn, Fr) => "A détacher avant le versement",
            (SeparateBeforePayingIn, It) => "Da staccare prima del versamento",
        }
    }
}
