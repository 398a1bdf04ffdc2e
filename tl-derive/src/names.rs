//! Names of the locals generated code binds. A leaf module: every
//! generator names fields the same way.

use proc_macro2::Ident;
use quote::format_ident;

/// The local bound to field `index` in generated code.
pub fn binding(index: usize) -> Ident {
    format_ident!("__field{}", index)
}
