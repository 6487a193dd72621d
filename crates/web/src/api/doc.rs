//! What a route table entry says about its body and its answers, for the OpenAPI document: the
//! Rust types the handler reads and sends (their schemas derived by utoipa, so the document cannot
//! drift from the JSON), the media type of files, the statuses.

use utoipa::openapi::path::{Parameter, ParameterIn};
use utoipa::openapi::schema::Schema;
use utoipa::openapi::{Ref, RefOr};
use utoipa::{IntoParams, ToSchema};

/// Named schemas a type refers to, gathered for `components.schemas`.
pub type Components = Vec<(String, RefOr<Schema>)>;

/// A JSON type of a body or an answer: pushes its schema (and those it refers to) into the
/// components and returns a `$ref` to it.
pub type TypeRef = fn(&mut Components) -> RefOr<Schema>;

/// The schema of `T` as a reference into `components.schemas`.
pub fn schema<T: ToSchema>(components: &mut Components) -> RefOr<Schema> {
    components.push((T::name().into_owned(), T::schema()));
    T::schemas(components);
    Ref::from_schema_name(T::name()).into()
}

/// The query parameters of a handler's `Query<T>`.
pub type QueryParams = fn() -> Vec<Parameter>;

pub fn query<T: IntoParams>() -> Vec<Parameter> {
    T::into_params(|| Some(ParameterIn::Query))
}

/// What an answer carries.
#[derive(Clone, Copy)]
pub enum Media {
    /// `application/json`, the serialisation of this type.
    Json(TypeRef),
    /// `application/json`, the API's error body.
    Error,
    /// `text/csv; charset=utf-8`.
    Csv,
    /// `application/pdf`.
    Pdf,
    /// `text/plain; charset=utf-8`.
    Text,
    /// No body (204).
    Empty,
}

/// One answer a route gives: its status and what it carries.
#[derive(Clone, Copy)]
pub struct Resp {
    pub status: u16,
    pub media: Media,
}

impl Resp {
    /// A JSON answer: the serialisation of `T`.
    pub fn json<T: ToSchema>(status: u16) -> Resp {
        Resp {
            status,
            media: Media::Json(schema::<T>),
        }
    }

    /// 200 with a CSV file.
    pub fn csv() -> Resp {
        Resp {
            status: 200,
            media: Media::Csv,
        }
    }

    /// 200 with a PDF document.
    pub fn pdf() -> Resp {
        Resp {
            status: 200,
            media: Media::Pdf,
        }
    }

    /// 200 with plain text.
    pub fn text() -> Resp {
        Resp {
            status: 200,
            media: Media::Text,
        }
    }

    /// 204 No Content.
    pub fn no_content() -> Resp {
        Resp {
            status: 204,
            media: Media::Empty,
        }
    }

    /// An error this route gives besides the ones every route of its kind gives (401, 403, 404,
    /// and 400/413/415/422 for a JSON body): 409, 402, 422 for a bad query…
    pub fn error(status: u16) -> Resp {
        Resp {
            status,
            media: Media::Error,
        }
    }
}
