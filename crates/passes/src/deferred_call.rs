//! The call of one deferred call, made the same way wherever it runs: in `defer_lower`'s
//! run loop (arguments loaded from a record) and at `open_defer`'s scope exits
//! (arguments loaded from frame cells).
//!
//! `tok = defer_enter` (the token of the panic running, if any; clears the flag), the
//! call (a direct callee with a null `env`; a closure callee with its object as `env`; a
//! function value after a nil test that raises Go's nil dereference panic inside the
//! deferred call, as a deferred nil func panics when it would run), its results
//! discarded, then `defer_exit tok` (completes a recovery or lets the panic go on) and a
//! jump to `then`. No `panicking` test follows the call: `defer_exit` takes its panic,
//! and the code after the last deferred call tests the flag.

use ir::{Block, DeferCallee, FuncCursor, InstData, IntCC, Opcode, SrcLoc, Type, Value};

/// Emits the call at the end of the cursor's block. `args` are the `defer`
/// instruction's operands; a known callee's `call` carries `call_loc` (the rest the
/// cursor's location); blocks it creates (for a function value's nil test) get the
/// current block's scope and are appended to `new_blocks` for the caller to place.
pub(crate) fn emit(
    c: &mut FuncCursor,
    callee: DeferCallee,
    args: &[Value],
    results: &[Type],
    call_loc: SrcLoc,
    then: Block,
    new_blocks: &mut Vec<Block>,
) {
    let tok = c.ins1(InstData::new(Opcode::DeferEnter), Type::I64);
    let exit = InstData::new(Opcode::DeferExit).args(&[tok]);
    let known = match callee {
        DeferCallee::Direct(fid) => Some((fid, false)),
        DeferCallee::Closure(fid) => Some((fid, true)),
        DeferCallee::Indirect => None,
    };
    if let Some((fid, closure)) = known {
        // A closure's object is its `env`; a plain function gets null.
        let (env, rest) = if closure {
            (args[0], &args[1..])
        } else {
            (c.zero(Type::Ptr), args)
        };
        let mut call_args = vec![env, tok];
        call_args.extend(rest);
        let loc = c.srcloc();
        c.set_srcloc(call_loc);
        c.call(fid, &call_args, results);
        c.set_srcloc(loc);
        c.insert_inst(exit, &[]);
        c.jump(then, &[]);
        return;
    }
    let fv = args[0];
    let nil = c.zero(Type::Func);
    let is_nil = c.icmp(IntCC::Eq, Type::Func, fv, nil);
    let scope = c
        .current_block()
        .map(|b| c.func.dfg.blocks[b].scope)
        .unwrap_or_default();
    let mut block = |c: &mut FuncCursor| {
        let b = c.func.dfg.make_block();
        c.func.dfg.blocks[b].scope = scope;
        new_blocks.push(b);
        b
    };
    let (nil_b, call_b, exit_b) = (block(c), block(c), block(c));
    c.brif(is_nil, nil_b, call_b);

    c.goto_end(nil_b);
    c.insert_inst(InstData::new(Opcode::CheckNil).args(&[fv]), &[]);
    c.jump(exit_b, &[]);

    c.goto_end(call_b);
    let mut call_args = vec![fv, tok];
    call_args.extend(&args[1..]);
    c.insert_inst(
        InstData::new(Opcode::CallIndirect).args(&call_args),
        results,
    );
    c.jump(exit_b, &[]);

    c.goto_end(exit_b);
    c.insert_inst(exit, &[]);
    c.jump(then, &[]);
}
