//! Derives for arrears' input and output types: `Decode` (read from JSON), `Encode` (written
//! as JSON) and `Describe` (their JSON Schema, doc comments included), so each type is
//! described once, in Rust.
//!
//! The generated code calls `::arrears::json` (the crate names itself `arrears` with
//! `extern crate self as arrears`), so the derives serve arrears and its tests.
//! Each type's decoder is one small non-generic function: the reader does the work
//! (`::arrears::json::Reader::fields` walks the object, matches keys against the field list,
//! reads each value into its place in the value, behind `&mut dyn Field`, and checks that the
//! required fields were given), so the code that reads a value exists once per field type,
//! not once per field. The value starts as `Blank::blank()` (derived with `Decode`): each
//! required field blank, each optional one `None`, each defaulted one its default (one made by
//! a function is made only when the field is absent).
//!
//! Field attributes, `#[json(...)]`:
//! - `rename = "name"`: the JSON name (default: the field in camelCase);
//! - `default`: absent means `Default::default()`; `default = "path"`: absent calls `path()`;
//! - `flatten` (`Encode`, `Describe`): the field's own fields are written in this object;
//! - `skip` (`Encode`, `Describe`): never written;
//! - `range = "LOW..=HIGH"` (whole numbers): a value outside is `out_of_range` at the field,
//!   checked as the type is read, and the schema says `minimum` and `maximum`, so the bounds
//!   are stated once for both.
//!
//! Unit enums are strings: each variant's name in camelCase unless `#[json(rename = "...")]`;
//! `#[json(unknown = Code)]` on the enum names the `ErrorCode` of an unknown name
//! (default `UnknownOption`).
//!
//! ```ignore
//! #[derive(Decode, Describe)]
//! /// What `yearFraction` takes.
//! struct YearFractionInput {
//!     /// The first date.
//!     start: NaiveDate,
//!     /// Only `30E/360-ISDA` reads it.
//!     maturity: Option<NaiveDate>,
//! }
//! ```

use proc_macro::TokenStream;
use proc_macro2::TokenStream as Tokens;
use quote::quote;
use syn::{
    parse_macro_input, Attribute, Data, DeriveInput, Expr, ExprLit, Fields, GenericParam, Generics,
    Ident, Lit, LitStr, Meta, Path, Type,
};

/// Reads the type from JSON: `impl ::arrears::json::Decode`.
#[proc_macro_derive(Decode, attributes(json))]
pub fn derive_decode(input: TokenStream) -> TokenStream {
    expand(input, decode)
}

/// Writes the type as JSON: `impl ::arrears::json::Encode`.
#[proc_macro_derive(Encode, attributes(json))]
pub fn derive_encode(input: TokenStream) -> TokenStream {
    expand(input, encode)
}

/// Describes the type as JSON Schema: `impl ::arrears::json::Describe`.
#[proc_macro_derive(Describe, attributes(json))]
pub fn derive_describe(input: TokenStream) -> TokenStream {
    expand(input, describe)
}

fn expand(input: TokenStream, f: fn(&Shape) -> syn::Result<Tokens>) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    Shape::read(&input)
        .and_then(|shape| f(&shape))
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// A struct with named fields, or an enum of unit variants.
struct Shape<'a> {
    ident: &'a Ident,
    generics: &'a Generics,
    doc: String,
    kind: Kind<'a>,
}

enum Kind<'a> {
    Struct(Vec<Field<'a>>),
    Enum {
        variants: Vec<Variant<'a>>,
        unknown: Path,
    },
}

struct Field<'a> {
    ident: &'a Ident,
    ty: &'a Type,
    /// `T` when the field is `Option<T>`.
    optional: Option<&'a Type>,
    name: String,
    doc: String,
    default: Option<Option<Path>>,
    flatten: bool,
    skip: bool,
    range: Option<(i64, i64)>,
}

struct Variant<'a> {
    ident: &'a Ident,
    name: String,
    doc: String,
}

/// The `#[json(...)]` options of one item.
#[derive(Default)]
struct Options {
    rename: Option<String>,
    default: Option<Option<Path>>,
    flatten: bool,
    skip: bool,
    unknown: Option<Path>,
    range: Option<(i64, i64)>,
}

impl Options {
    fn read(attrs: &[Attribute]) -> syn::Result<Options> {
        let mut options = Options::default();
        for attr in attrs.iter().filter(|a| a.path().is_ident("json")) {
            attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("rename") {
                    options.rename = Some(meta.value()?.parse::<LitStr>()?.value());
                } else if meta.path.is_ident("default") {
                    options.default = Some(match meta.input.peek(syn::Token![=]) {
                        true => Some(meta.value()?.parse::<LitStr>()?.parse::<Path>()?),
                        false => None,
                    });
                } else if meta.path.is_ident("flatten") {
                    options.flatten = true;
                } else if meta.path.is_ident("skip") {
                    options.skip = true;
                } else if meta.path.is_ident("unknown") {
                    options.unknown = Some(meta.value()?.parse::<Path>()?);
                } else if meta.path.is_ident("range") {
                    let text = meta.value()?.parse::<LitStr>()?;
                    let bounds = text.value();
                    let parsed = bounds.split_once("..=").and_then(|(low, high)| {
                        Some((low.trim().parse().ok()?, high.trim().parse().ok()?))
                    });
                    options.range = Some(parsed.ok_or_else(|| {
                        syn::Error::new_spanned(&text, "a range such as \"-365..=3650\"")
                    })?);
                } else {
                    return Err(meta.error("unknown json option"));
                }
                Ok(())
            })?;
        }
        Ok(options)
    }
}

impl<'a> Shape<'a> {
    fn read(input: &'a DeriveInput) -> syn::Result<Shape<'a>> {
        let options = Options::read(&input.attrs)?;
        let kind = match &input.data {
            Data::Struct(data) => {
                let Fields::Named(fields) = &data.fields else {
                    return Err(syn::Error::new_spanned(input, "only named fields"));
                };
                let fields = fields.named.iter().map(Field::read);
                Kind::Struct(fields.collect::<syn::Result<_>>()?)
            }
            Data::Enum(data) => {
                let variants = data.variants.iter().map(|v| {
                    if !matches!(v.fields, Fields::Unit) {
                        return Err(syn::Error::new_spanned(v, "only unit variants"));
                    }
                    let name = Options::read(&v.attrs)?
                        .rename
                        .unwrap_or_else(|| lower_first(&v.ident.to_string()));
                    Ok(Variant {
                        ident: &v.ident,
                        name,
                        doc: doc(&v.attrs),
                    })
                });
                Kind::Enum {
                    variants: variants.collect::<syn::Result<_>>()?,
                    unknown: options
                        .unknown
                        .unwrap_or_else(|| syn::parse_quote!(UnknownOption)),
                }
            }
            Data::Union(_) => return Err(syn::Error::new_spanned(input, "no unions")),
        };
        Ok(Shape {
            ident: &input.ident,
            generics: &input.generics,
            doc: doc(&input.attrs),
            kind,
        })
    }

    /// The lifetime the type borrows from its input, if it has one.
    fn lifetime(&self) -> syn::Result<Option<&syn::Lifetime>> {
        let mut lifetimes = None;
        for param in &self.generics.params {
            match param {
                GenericParam::Lifetime(l) if lifetimes.is_none() => lifetimes = Some(&l.lifetime),
                _ => {
                    return Err(syn::Error::new_spanned(
                        param,
                        "at most one lifetime and no type parameters",
                    ))
                }
            }
        }
        Ok(lifetimes)
    }
}

impl<'a> Field<'a> {
    fn read(field: &'a syn::Field) -> syn::Result<Field<'a>> {
        let options = Options::read(&field.attrs)?;
        let ident = field
            .ident
            .as_ref()
            .ok_or_else(|| syn::Error::new_spanned(field, "named fields only"))?;
        Ok(Field {
            ident,
            ty: &field.ty,
            optional: option_inner(&field.ty),
            name: options
                .rename
                .unwrap_or_else(|| camel_case(&ident.to_string())),
            doc: doc(&field.attrs),
            default: options.default,
            flatten: options.flatten,
            skip: options.skip,
            range: options.range,
        })
    }

    /// Whether an input must give the field.
    fn required(&self) -> bool {
        self.optional.is_none() && self.default.is_none()
    }
}

fn decode(shape: &Shape) -> syn::Result<Tokens> {
    let ident = shape.ident;
    let (lifetime, impl_lifetime) = match shape.lifetime()? {
        Some(l) => (quote!(#l), quote!(#l)),
        None => (quote!('de), quote!('de)),
    };
    let ty = type_with_params(shape)?;
    let body = match &shape.kind {
        Kind::Struct(fields) => {
            if let Some(f) = fields.iter().find(|f| f.flatten || f.skip) {
                return Err(syn::Error::new_spanned(
                    f.ident,
                    "flatten and skip are for output types",
                ));
            }
            if fields.len() > 64 {
                return Err(syn::Error::new_spanned(
                    shape.ident,
                    "at most 64 fields: the reader keeps them in a u64",
                ));
            }
            let names = fields.iter().map(|f| &f.name);
            let required = fields
                .iter()
                .enumerate()
                .filter(|(_, f)| f.required())
                .fold(0u64, |mask, (i, _)| mask | 1 << i);
            let slots = fields.iter().map(|f| {
                let field = f.ident;
                quote!(&mut value.#field as &mut dyn ::arrears::json::Field<#lifetime>)
            });
            let ranges = fields.iter().filter_map(|f| {
                let (field, name) = (f.ident, &f.name);
                let (low, high) = f.range?;
                Some(quote!(::arrears::json::within(::arrears::json::Ranged::number(&value.#field), #low, #high, #name)?;))
            });
            // A default made by a function is made only when the field is absent.
            let defaults: Vec<_> = fields
                .iter()
                .enumerate()
                .filter_map(|(i, f)| match (&f.default, f.optional) {
                    (Some(Some(path)), None) => {
                        let (field, bit) = (f.ident, 1u64 << i);
                        Some(quote!(if given & #bit == 0 { value.#field = #path(); }))
                    }
                    _ => None,
                })
                .collect();
            let given = match defaults.is_empty() {
                true => quote!(_),
                false => quote!(given),
            };
            // The value starts blank and each field is read into its place, so the decoder
            // holds no copy of the fields and one drop (of `value`) serves every error.
            quote! {
                const FIELDS: &[&str] = &[#(#names),*];
                let mut value = <Self as ::arrears::json::Blank>::blank();
                let #given = reader.fields(FIELDS, &mut [#(#slots),*], #required)?;
                #(#defaults)*
                #(#ranges)*
                ::core::result::Result::Ok(value)
            }
        }
        Kind::Enum { variants, unknown } => {
            let names = variants.iter().map(|v| &v.name);
            let expected = format!(
                "a string such as \"{}\"",
                variants.first().map_or("", |v| v.name.as_str())
            );
            let last = variants.len().saturating_sub(1);
            let arms = variants.iter().enumerate().map(|(i, v)| {
                let variant = v.ident;
                match i == last {
                    true => quote!(_ => #ident::#variant,),
                    false => quote!(#i => #ident::#variant,),
                }
            });
            quote! {
                const NAMES: &[&str] = &[#(#names),*];
                let index = reader.choice(NAMES, #expected, ::arrears::ErrorCode::#unknown)?;
                ::core::result::Result::Ok(match index { #(#arms)* })
            }
        }
    };
    let (impl_generics, _) = impl_parts(shape)?;
    let blank = blank(shape);
    Ok(quote! {
        impl<#impl_lifetime> ::arrears::json::Decode<#lifetime> for #ty {
            fn decode(reader: &mut ::arrears::json::Reader<#lifetime>) -> ::arrears::Result<Self> {
                #body
            }
        }

        impl #impl_generics ::arrears::json::Blank for #ty {
            fn blank() -> Self {
                #blank
            }
        }
    })
}

/// The value a decoder starts from: each field blank (a field whose default a function makes
/// too: the decoder calls it only when the field is absent), `None` or its `Default`; an enum's
/// first variant.
fn blank(shape: &Shape) -> Tokens {
    let ident = shape.ident;
    match &shape.kind {
        Kind::Struct(fields) => {
            let values = fields.iter().map(|f| {
                let field = f.ident;
                let value = match (&f.default, f.optional) {
                    (_, Some(_)) => quote!(::core::option::Option::None),
                    (Some(None), None) => quote!(::core::default::Default::default()),
                    (Some(Some(_)) | None, None) => quote!(::arrears::json::Blank::blank()),
                };
                quote!(#field: #value,)
            });
            quote!(#ident { #(#values)* })
        }
        Kind::Enum { variants, .. } => match variants.first() {
            Some(v) => {
                let variant = v.ident;
                quote!(#ident::#variant)
            }
            None => quote!(::core::compile_error!(
                "an enum read from JSON needs a variant"
            )),
        },
    }
}

fn encode(shape: &Shape) -> syn::Result<Tokens> {
    let (impl_generics, ty) = impl_parts(shape)?;
    let body = match &shape.kind {
        Kind::Struct(fields) => {
            let writes = fields.iter().filter(|f| !f.skip).map(|f| {
                let field = f.ident;
                let name = &f.name;
                match f.flatten {
                    true => quote!(::arrears::json::Encode::encode_fields(&self.#field, writer);),
                    false => quote!(writer.field(#name, &self.#field);),
                }
            });
            quote! {
                fn encode(&self, writer: &mut ::arrears::json::Writer) {
                    writer.begin_object();
                    self.encode_fields(writer);
                    writer.end_object();
                }
                fn encode_fields(&self, writer: &mut ::arrears::json::Writer) {
                    #(#writes)*
                }
            }
        }
        Kind::Enum { variants, .. } => {
            let ident = shape.ident;
            let arms = variants.iter().map(|v| {
                let variant = v.ident;
                let name = &v.name;
                quote!(#ident::#variant => #name,)
            });
            quote! {
                fn encode(&self, writer: &mut ::arrears::json::Writer) {
                    writer.string(match self { #(#arms)* });
                }
            }
        }
    };
    Ok(quote! {
        impl #impl_generics ::arrears::json::Encode for #ty {
            #body
        }
    })
}

fn describe(shape: &Shape) -> syn::Result<Tokens> {
    let (impl_generics, ty) = impl_parts(shape)?;
    let name = shape.ident.to_string();
    let doc = &shape.doc;
    let body = match &shape.kind {
        Kind::Struct(fields) => {
            let properties = fields.iter().filter(|f| !f.skip).map(|f| {
                let ty = f.optional.unwrap_or(f.ty);
                match f.flatten {
                    true => quote!(<#ty as ::arrears::json::Describe>::describe_fields(schemas, object);),
                    false => {
                        let (name, doc, required) = (&f.name, &f.doc, f.required());
                        let bounds = f.range.map(|(low, high)| {
                            quote! {
                                schema.set("minimum", ::arrears::json::Value::number(#low));
                                schema.set("maximum", ::arrears::json::Value::number(#high));
                            }
                        });
                        quote! {
                            #[allow(unused_mut)]
                            let mut schema = <#ty as ::arrears::json::Describe>::describe(schemas);
                            #bounds
                            object.property(#name, #doc, #required, schema);
                        }
                    }
                }
            });
            quote! {
                fn describe(schemas: &mut ::arrears::json::Schemas) -> ::arrears::json::Value {
                    schemas.object(#name, #doc, Self::describe_fields)
                }
                fn describe_fields(schemas: &mut ::arrears::json::Schemas, object: &mut ::arrears::json::ObjectSchema) {
                    #(#properties)*
                }
            }
        }
        Kind::Enum { variants, .. } => {
            let names = variants.iter().map(|v| &v.name);
            let docs = variants.iter().map(|v| &v.doc);
            quote! {
                fn describe(schemas: &mut ::arrears::json::Schemas) -> ::arrears::json::Value {
                    schemas.names(#name, #doc, &[#((#names, #docs)),*])
                }
            }
        }
    };
    Ok(quote! {
        impl #impl_generics ::arrears::json::Describe for #ty {
            #body
        }
    })
}

/// `impl<'a>` and `Type<'a>`, or nothing and `Type`.
fn impl_parts(shape: &Shape) -> syn::Result<(Tokens, Tokens)> {
    let generics = match shape.lifetime()? {
        Some(l) => quote!(<#l>),
        None => quote!(),
    };
    Ok((generics, type_with_params(shape)?))
}

fn type_with_params(shape: &Shape) -> syn::Result<Tokens> {
    let ident = shape.ident;
    Ok(match shape.lifetime()? {
        Some(l) => quote!(#ident<#l>),
        None => quote!(#ident),
    })
}

/// `T` when `ty` is `Option<T>`.
fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    let segment = path.path.segments.last()?;
    if segment.ident != "Option" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &segment.arguments else {
        return None;
    };
    match args.args.first()? {
        syn::GenericArgument::Type(inner) => Some(inner),
        _ => None,
    }
}

/// The doc comment of an item for JS readers: one line per `///` line, the space after
/// `///` removed, up to its first Rust example or section (`# Errors`), rustdoc links
/// written as plain code (`` [`Receipt`] `` as `` `Receipt` ``).
fn doc(attrs: &[Attribute]) -> String {
    let lines = attrs.iter().filter_map(|attr| match &attr.meta {
        Meta::NameValue(nv) if nv.path.is_ident("doc") => match &nv.value {
            Expr::Lit(ExprLit {
                lit: Lit::Str(s), ..
            }) => Some(s.value()),
            _ => None,
        },
        _ => None,
    });
    let lines: Vec<String> = lines
        .map(|l| l.strip_prefix(' ').unwrap_or(&l).to_owned())
        .take_while(|l| !l.starts_with("```") && !l.starts_with("# "))
        .collect();
    lines
        .join("\n")
        .trim()
        .replace("[`", "`")
        .replace("`]", "`")
}

/// `day_count` → `dayCount` (a raw identifier's `r#` dropped).
fn camel_case(snake: &str) -> String {
    let snake = snake.trim_start_matches("r#");
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        match c {
            '_' => upper = true,
            c if upper => {
                out.extend(c.to_uppercase());
                upper = false;
            }
            c => out.push(c),
        }
    }
    out
}

/// `OldestFirst` → `oldestFirst`.
fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}
