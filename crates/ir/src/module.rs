//! A module: the whole program's functions, package variables, struct layouts and Go
//! type descriptors.

use crate::entities::{FuncId, GlobalId, GoTypeId, StructId};
use crate::function::Function;
use crate::types::{GoTypeDesc, StructData, Type};
use cranelift_entity::PrimaryMap;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GlobalData {
    pub name: String,
    pub ty: Type,
}

#[derive(Clone, Debug, Default)]
pub struct Module {
    pub funcs: PrimaryMap<FuncId, Function>,
    pub globals: PrimaryMap<GlobalId, GlobalData>,
    pub structs: PrimaryMap<StructId, StructData>,
    pub go_types: PrimaryMap<GoTypeId, GoTypeDesc>,
    /// The function that initialises package variables (`init`), run before `main`.
    pub init: Option<FuncId>,
    /// `main`, for programs.
    pub main: Option<FuncId>,
    /// Benchmark functions, for benchmark files: `(name, function)`.
    pub benchmarks: Vec<(String, FuncId)>,
    /// The descriptor of `error`, if the program uses one (for `type_is` to `error`).
    pub error_type: Option<GoTypeId>,
}

impl Module {
    pub fn func_by_name(&self, name: &str) -> Option<FuncId> {
        self.funcs
            .iter()
            .find(|(_, f)| f.name == name)
            .map(|(id, _)| id)
    }
}
