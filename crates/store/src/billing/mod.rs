//! Catalogue, products and invoices, a file each.

use crate::keyset::{self, Cursor, Page, Paged, Sql};
use crate::row::*;
use crate::transition::Cas;
use crate::{Conn, Result};
use guichet_core::invoice::InvoiceKind;
use guichet_core::period::Date;
use guichet_core::product::{ProductState, ProductType};
use guichet_core::status::InvoiceStatus;
use guichet_core::{AddressId, Currency, InvoiceId, Money, OfferId, OrgId, ProductId};
use sqlx::Row;
use sqlx::any::AnyRow;

mod batch;
mod catalogue;
mod due_lines;
mod export;
mod invoices;
mod products;

pub use batch::*;
pub use catalogue::*;
pub use due_lines::*;
pub use export::*;
pub use invoices::*;
pub use products::*;
