//! A function in SSA form: the data-flow graph (instructions, values, blocks), the
//! layout (block order and instruction order), and the function's deferred calls.

use crate::entities::{Block, DeferId, FuncId, Inst, ScopeId, Value};
use crate::inst::{BlockCall, Imm, InstData, Opcode};
use crate::types::Type;
use cranelift_entity::{PrimaryMap, SecondaryMap};

/// A source position, 1-based, for remarks and dumps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SrcLoc {
    pub line: u32,
    pub col: u32,
}

impl std::fmt::Display for SrcLoc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Signature {
    pub params: Vec<Type>,
    pub results: Vec<Type>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueDef {
    Result(Inst, u32),
    Param(Block, u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ValueData {
    pub ty: Type,
    pub def: ValueDef,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BlockData {
    pub params: Vec<Value>,
    /// The defer scope the block's code belongs to: `scope0` unless the block came
    /// from an inlined body. An edge from a block of one scope to a block outside it
    /// leaves the scope, and the verifier requires that scope's deferred calls to have
    /// run by then.
    pub scope: ScopeId,
}

/// Where an inlined body was called from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct InlinedAt {
    /// The function whose body was inlined.
    pub callee: FuncId,
    /// The position of the call that was replaced.
    pub call: SrcLoc,
}

/// A defer scope: a region of the function whose deferred calls run, last first, when
/// control leaves it, normally or by a panic, before those of the enclosing scope
/// (rustc's `SourceScope` with its `inlined` data is the model). `scope0` is the
/// function's own (no parent, not inlined); the inliner adds one per inlined call site,
/// whose parent is the scope of the call.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ScopeData {
    pub parent: Option<ScopeId>,
    pub inlined: Option<InlinedAt>,
}

/// What a deferred call calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeferCallee {
    /// A known function; the `defer` instruction's arguments are its parameters after
    /// `env` and `tok`.
    Direct(FuncId),
    /// A function value: the `defer` instruction's first argument is the value, the
    /// rest are its parameters after `env` and `tok`. For genuine function values only:
    /// a function literal whose body is known is `Closure`.
    Indirect,
    /// A function literal with a known body: the `defer` instruction's first argument
    /// is its closure object (made by `closure @f`, type `func`), which the call passes
    /// as `env`; the rest are its parameters after `env` and `tok`. Passes can see
    /// through it: the callee is known, and so are the captures the object holds.
    Closure(FuncId),
}

impl DeferCallee {
    /// The known function the deferred call runs, if any.
    pub fn func(self) -> Option<FuncId> {
        match self {
            DeferCallee::Direct(f) | DeferCallee::Closure(f) => Some(f),
            DeferCallee::Indirect => None,
        }
    }
}

/// How `defer_lower` implemented a deferred call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeferStrategy {
    /// A record in the frame (the defer runs at most once per call).
    FrameRecord,
    /// A record from the runtime's free list (a defer in a loop).
    ChainRecord,
    /// No record: the arguments stay in SSA values.
    OpenCoded,
}

/// A deferred call site: an entity of the function, so passes and dumps can follow it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeferData {
    pub callee: DeferCallee,
    /// The types of the evaluated arguments the `defer` instruction carries.
    pub arg_types: Vec<Type>,
    /// The callee's result types. The deferred call discards them, but the call must
    /// still match the callee's ABI (many results are returned through memory).
    pub results: Vec<Type>,
    /// Where the `defer` statement is (its keyword: the defer's own remarks).
    pub origin: SrcLoc,
    /// Where the deferred call's `(` is: gc's position for remarks about the call
    /// itself (`inlining call to F`). The text form writes it only where it differs
    /// from `origin` (`; 13:2 call 13:12`).
    pub call_at: SrcLoc,
    /// The scope whose exits run the call: `scope0` unless it came from an inlined
    /// body (the scope then says from where).
    pub scope: ScopeId,
    /// Set by `defer_lower`.
    pub strategy: Option<DeferStrategy>,
}

#[derive(Clone, Debug, Default)]
pub struct DataFlowGraph {
    pub insts: PrimaryMap<Inst, InstData>,
    pub results: SecondaryMap<Inst, Vec<Value>>,
    pub values: PrimaryMap<Value, ValueData>,
    pub blocks: PrimaryMap<Block, BlockData>,
}

impl DataFlowGraph {
    pub fn value_type(&self, v: Value) -> Type {
        self.values[v].ty
    }
    pub fn inst_results(&self, inst: Inst) -> &[Value] {
        &self.results[inst]
    }
    pub fn first_result(&self, inst: Inst) -> Value {
        self.results[inst][0]
    }
    /// The integer `v` is, if an `iconst` defines it.
    pub fn int_const(&self, v: Value) -> Option<i64> {
        let ValueDef::Result(i, 0) = self.values[v].def else {
            return None;
        };
        match (self.insts[i].opcode, &self.insts[i].imm) {
            (Opcode::Iconst, &Imm::Int(n)) => Some(n),
            _ => None,
        }
    }
    pub fn block_params(&self, block: Block) -> &[Value] {
        &self.blocks[block].params
    }
    pub fn make_block(&mut self) -> Block {
        self.blocks.push(BlockData::default())
    }
    pub fn append_block_param(&mut self, block: Block, ty: Type) -> Value {
        let n = self.blocks[block].params.len() as u32;
        let v = self.values.push(ValueData {
            ty,
            def: ValueDef::Param(block, n),
        });
        self.blocks[block].params.push(v);
        v
    }
    /// Creates an instruction (not yet placed in a block) with results of the given
    /// types.
    pub fn make_inst(&mut self, data: InstData, result_types: &[Type]) -> Inst {
        let inst = self.insts.push(data);
        let results = result_types
            .iter()
            .enumerate()
            .map(|(i, &ty)| {
                self.values.push(ValueData {
                    ty,
                    def: ValueDef::Result(inst, i as u32),
                })
            })
            .collect();
        self.results[inst] = results;
        inst
    }
    /// Every value an instruction reads: its arguments and its branch arguments.
    pub fn inst_uses(&self, inst: Inst) -> impl Iterator<Item = Value> + '_ {
        let d = &self.insts[inst];
        d.args
            .iter()
            .chain(d.targets.iter().flat_map(|t| t.args.iter()))
            .copied()
    }
    /// Rewrites every use of a value through `f` (arguments and branch arguments).
    pub fn map_uses(&mut self, inst: Inst, mut f: impl FnMut(Value) -> Value) {
        let d = &mut self.insts[inst];
        for a in d.args.iter_mut() {
            *a = f(*a);
        }
        for t in d.targets.iter_mut() {
            for a in t.args.iter_mut() {
                *a = f(*a);
            }
        }
    }
}

/// Block order and the instructions of each block, in order.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    pub blocks: Vec<Block>,
    pub insts: SecondaryMap<Block, Vec<Inst>>,
}

#[derive(Clone, Debug)]
pub struct Function {
    /// Go's name of the function (`main`, `(*T).Inc`, `main.func1`).
    pub name: String,
    pub sig: Signature,
    pub dfg: DataFlowGraph,
    pub layout: Layout,
    pub defers: PrimaryMap<DeferId, DeferData>,
    /// The defer scopes; `scope0` (`ScopeId::ROOT`) always exists.
    pub scopes: PrimaryMap<ScopeId, ScopeData>,
    /// Source positions of instructions, where known.
    pub srclocs: SecondaryMap<Inst, SrcLoc>,
    /// The Go variable an `alloc` cell holds (a captured or address-taken variable), for
    /// the `escape` pass's remarks (`moved to heap: x`); its srcloc is the declaration.
    pub var_names: SecondaryMap<Inst, String>,
    /// The Go names and positions of the parameters after `env` and `tok` (the receiver
    /// first, for a method), and the names of the results (`~r0` when unnamed), for the
    /// `escape` pass's remarks (`leaking param: p to result ~r0 level=0`). Set by
    /// lowering; not part of the text form (a parsed function has none).
    pub param_names: Vec<(String, SrcLoc)>,
    pub result_names: Vec<String>,
    /// Where the function is declared.
    pub loc: SrcLoc,
    /// `//go:noinline`.
    pub noinline: bool,
    /// The function can never panic: no instruction of its body may start a panic,
    /// counting a call of a `nopanic` function as one that cannot (set by the
    /// `nopanic` pass; calls of it then need no `panicking` test).
    pub nopanic: bool,
}

impl Function {
    pub fn new(name: impl Into<String>, sig: Signature) -> Function {
        Function {
            name: name.into(),
            sig,
            dfg: DataFlowGraph::default(),
            layout: Layout::default(),
            defers: PrimaryMap::new(),
            scopes: {
                let mut scopes = PrimaryMap::new();
                scopes.push(ScopeData::default());
                scopes
            },
            srclocs: SecondaryMap::new(),
            var_names: SecondaryMap::new(),
            param_names: Vec::new(),
            result_names: Vec::new(),
            loc: SrcLoc::default(),
            noinline: false,
            nopanic: false,
        }
    }

    /// The entry block (the first in layout order); its parameters are the function's.
    pub fn entry(&self) -> Option<Block> {
        self.layout.blocks.first().copied()
    }

    /// Appends a new block to the layout.
    pub fn append_block(&mut self) -> Block {
        let b = self.dfg.make_block();
        self.layout.blocks.push(b);
        b
    }

    /// Appends an instruction at the end of `block` and returns it.
    pub fn append_inst(&mut self, block: Block, data: InstData, result_types: &[Type]) -> Inst {
        let inst = self.dfg.make_inst(data, result_types);
        self.layout.insts[block].push(inst);
        inst
    }

    /// The terminator of a block, if it has one.
    pub fn terminator(&self, block: Block) -> Option<Inst> {
        let last = *self.layout.insts[block].last()?;
        self.dfg.insts[last].opcode.is_terminator().then_some(last)
    }

    /// The successors of a block in order.
    pub fn successors(&self, block: Block) -> Vec<Block> {
        match self.terminator(block) {
            Some(t) => self.dfg.insts[t].targets.iter().map(|c| c.block).collect(),
            None => Vec::new(),
        }
    }

    /// Builds a `BlockCall`.
    pub fn target(block: Block, args: &[Value]) -> BlockCall {
        BlockCall {
            block,
            args: args.to_vec(),
        }
    }

    /// The block each instruction is placed in.
    pub fn inst_blocks(&self) -> SecondaryMap<Inst, Option<Block>> {
        let mut m = SecondaryMap::new();
        for &b in &self.layout.blocks {
            for &i in &self.layout.insts[b] {
                m[i] = Some(b);
            }
        }
        m
    }

    /// Whether `s` is `ancestor` or nested in it.
    pub fn scope_within(&self, mut s: ScopeId, ancestor: ScopeId) -> bool {
        loop {
            if s == ancestor {
                return true;
            }
            match self.scopes.get(s).and_then(|d| d.parent) {
                Some(p) => s = p,
                None => return false,
            }
        }
    }

    /// Adds a scope for a body inlined at `call` into code of scope `parent`.
    pub fn add_inlined_scope(&mut self, parent: ScopeId, at: InlinedAt) -> ScopeId {
        self.scopes.push(ScopeData {
            parent: Some(parent),
            inlined: Some(at),
        })
    }

    /// Whether the function contains an instruction with this opcode.
    pub fn contains(&self, op: Opcode) -> bool {
        self.layout
            .blocks
            .iter()
            .flat_map(|&b| self.layout.insts[b].iter())
            .any(|&i| self.dfg.insts[i].opcode == op)
    }
}
