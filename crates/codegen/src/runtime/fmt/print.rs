//! Go's `fmt/print.go`: verbs applied to values (bad verbs, methods, pointers,
//! structs, slices) and the `Printf` format loop.

use super::*;

impl Printer {
    pub(super) fn bad_verb(&mut self, v: &Val, verb: char) {
        self.erroring = true;
        self.buf.extend_from_slice(b"%!");
        self.write_rune(verb);
        self.buf.push(b'(');
        match v {
            Val::NilInterface => self.buf.extend_from_slice(NIL_ANGLE),
            _ => {
                self.buf.extend_from_slice(type_of(v).as_bytes());
                self.buf.push(b'=');
                self.print_value(v, 'v', 0, false);
            }
        }
        self.buf.push(b')');
        self.erroring = false;
    }

    pub(super) fn fmt_bool(&mut self, b: bool, verb: char, v: &Val) {
        match verb {
            't' | 'v' => self.fmt_boolean(b),
            _ => self.bad_verb(v, verb),
        }
    }

    pub(super) fn fmt_0x64(&mut self, u: u64, leading_0x: bool) {
        let sharp = self.f.sharp;
        self.f.sharp = leading_0x;
        self.fmt_integer_raw(u, 16, false, 'v', LDIGITS);
        self.f.sharp = sharp;
    }

    pub(super) fn fmt_integer(&mut self, u: u64, is_signed: bool, verb: char, v: &Val) {
        match verb {
            'v' => {
                if self.f.sharp_v && !is_signed {
                    self.fmt_0x64(u, true);
                } else {
                    self.fmt_integer_raw(u, 10, is_signed, verb, LDIGITS);
                }
            }
            'd' => self.fmt_integer_raw(u, 10, is_signed, verb, LDIGITS),
            'b' => self.fmt_integer_raw(u, 2, is_signed, verb, LDIGITS),
            'o' | 'O' => self.fmt_integer_raw(u, 8, is_signed, verb, LDIGITS),
            'x' => self.fmt_integer_raw(u, 16, is_signed, verb, LDIGITS),
            'X' => self.fmt_integer_raw(u, 16, is_signed, verb, UDIGITS),
            'c' => self.fmt_c(u),
            'q' => self.fmt_qc(u),
            'U' => self.fmt_unicode(u),
            _ => self.bad_verb(v, verb),
        }
    }

    pub(super) fn fmt_string(&mut self, s: &[u8], verb: char, v: &Val) {
        match verb {
            'v' => {
                if self.f.sharp_v {
                    self.fmt_q(s);
                } else {
                    self.fmt_s(s);
                }
            }
            's' => self.fmt_s(s),
            'x' => self.fmt_sbx(s, LDIGITS),
            'X' => self.fmt_sbx(s, UDIGITS),
            'q' => self.fmt_q(s),
            _ => self.bad_verb(v, verb),
        }
    }

    /// Go's `fmtBytes` for a byte slice and the verbs v d s x X q;
    /// `type_string` is used by `%#v`.
    pub(super) fn fmt_bytes(&mut self, b: Option<&[u8]>, verb: char, type_string: &str) {
        match verb {
            'v' | 'd' => {
                if self.f.sharp_v {
                    self.buf.extend_from_slice(type_string.as_bytes());
                    let Some(b) = b else {
                        self.buf.extend_from_slice(b"(nil)");
                        return;
                    };
                    self.buf.push(b'{');
                    for (i, &c) in b.iter().enumerate() {
                        if i > 0 {
                            self.buf.extend_from_slice(b", ");
                        }
                        self.fmt_0x64(u64::from(c), true);
                    }
                    self.buf.push(b'}');
                } else {
                    self.buf.push(b'[');
                    for (i, &c) in b.unwrap_or_default().iter().enumerate() {
                        if i > 0 {
                            self.buf.push(b' ');
                        }
                        self.fmt_integer_raw(u64::from(c), 10, false, verb, LDIGITS);
                    }
                    self.buf.push(b']');
                }
            }
            's' => self.fmt_s(b.unwrap_or_default()),
            'x' => self.fmt_sbx(b.unwrap_or_default(), LDIGITS),
            'X' => self.fmt_sbx(b.unwrap_or_default(), UDIGITS),
            'q' => self.fmt_q(b.unwrap_or_default()),
            _ => unreachable!("fmt_bytes called with verb {verb}"),
        }
    }

    pub(super) fn fmt_pointer(&mut self, v: &Val, verb: char) {
        let u = match v {
            Val::Ptr { addr, .. } | Val::Func { addr, .. } => *addr as u64,
            // Slices have a data pointer in Go, but it is not in the Val.
            Val::Slice { .. } | Val::Bytes { .. } | Val::RawSlice { .. } => 0,
            _ => {
                self.bad_verb(v, verb);
                return;
            }
        };
        match verb {
            'v' => {
                if self.f.sharp_v {
                    self.buf.push(b'(');
                    self.buf.extend_from_slice(type_of(v).as_bytes());
                    self.buf.extend_from_slice(b")(");
                    if u == 0 {
                        self.buf.extend_from_slice(b"nil");
                    } else {
                        self.fmt_0x64(u, true);
                    }
                    self.buf.push(b')');
                } else if u == 0 {
                    self.pad(NIL_ANGLE);
                } else {
                    self.fmt_0x64(u, !self.f.sharp);
                }
            }
            'p' => self.fmt_0x64(u, !self.f.sharp),
            'b' | 'o' | 'd' | 'x' | 'X' => self.fmt_integer(u, false, verb, v),
            _ => self.bad_verb(v, verb),
        }
    }

    /// Go's `handleMethods`: calls (the already computed result of) `Error()`
    /// or `String()` where Go would, and rejects `%w` where it is not allowed.
    pub(super) fn handle_methods(&mut self, v: &Val, mut verb: char) -> bool {
        if self.erroring {
            return false;
        }
        if verb == 'w' {
            if !matches!(v, Val::Error { .. }) || !self.wrap_errs {
                self.bad_verb(v, verb);
                return true;
            }
            verb = 'v';
        }
        if self.f.sharp_v {
            // GoStringer is not in the subset.
            return false;
        }
        let (text, inner, method) = match v {
            Val::Error { text, inner } => (text, inner, "Error"),
            Val::Stringer { text, inner } => (text, inner, "String"),
            _ => return false,
        };
        if !matches!(verb, 'v' | 's' | 'x' | 'X' | 'q') {
            return false;
        }
        match text.call() {
            Ok(t) => self.fmt_string(&t, verb, v),
            Err(panic_value) => self.catch_panic(inner, verb, method, &panic_value),
        }
        true
    }

    /// Go's `catchPanic`: what a method that panicked prints instead.
    pub(super) fn catch_panic(&mut self, arg: &Val, verb: char, method: &str, panic_value: &Val) {
        if let Val::Ptr { addr: 0, .. } = arg {
            // Likely a method that does not guard against a nil receiver.
            self.buf.extend_from_slice(NIL_ANGLE);
            return;
        }
        let old = self.f;
        self.f = Flags::default();
        self.buf.extend_from_slice(b"%!");
        self.write_rune(verb);
        self.buf.extend_from_slice(b"(PANIC=");
        self.buf.extend_from_slice(method.as_bytes());
        self.buf.extend_from_slice(b" method: ");
        if self.panicking {
            // Go re-panics out of fmt here (not supported; see the module docs).
            let was = self.erroring;
            self.erroring = true;
            self.print_arg(panic_value, 'v');
            self.erroring = was;
        } else {
            self.panicking = true;
            self.print_arg(panic_value, 'v');
            self.panicking = false;
        }
        self.buf.push(b')');
        self.f = old;
    }

    pub(super) fn print_arg(&mut self, arg: &Val, verb: char) {
        if let Val::NilInterface = arg {
            match verb {
                'T' | 'v' => self.pad(NIL_ANGLE),
                _ => self.bad_verb(arg, verb),
            }
            return;
        }
        match verb {
            'T' => {
                let ty = type_of(arg).as_bytes().to_vec();
                self.fmt_s(&ty);
                return;
            }
            'p' => {
                self.fmt_pointer(base(arg), 'p');
                return;
            }
            _ => {}
        }
        match arg {
            Val::Bool { v, .. } => self.fmt_bool(*v, verb, arg),
            Val::Int { v, .. } => self.fmt_integer(*v as u64, true, verb, arg),
            Val::Uint { v, .. } => self.fmt_integer(*v, false, verb, arg),
            Val::Float { bits, size, .. } => {
                self.fmt_float(f64::from_bits(*bits), *size, verb, arg)
            }
            Val::Str { v, .. } => self.fmt_string(v, verb, arg),
            // Go's `case []byte:` matches only the unnamed type.
            Val::Bytes { v, ty, .. } if ty == "[]uint8" => {
                if matches!(verb, 'v' | 'd' | 's' | 'x' | 'X' | 'q') {
                    self.fmt_bytes(v.as_deref(), verb, "[]byte");
                } else {
                    self.print_value(arg, verb, 0, false);
                }
            }
            _ => {
                if !self.handle_methods(arg, verb) {
                    self.print_value(arg, verb, 0, false);
                }
            }
        }
    }

    /// Go's `printValue`. `ro` is set for values reached through an
    /// unexported struct field, on which Go cannot call methods.
    pub(super) fn print_value(&mut self, v: &Val, verb: char, depth: usize, ro: bool) {
        if depth > 0 && !ro && self.handle_methods(v, verb) {
            return;
        }
        match v {
            Val::Error { inner, .. } | Val::Stringer { inner, .. } => {
                self.print_value(inner, verb, depth, ro)
            }
            Val::NilInterface => {
                if depth == 0 {
                    // Only reached for a bare nil; printArg handles those.
                    self.buf.extend_from_slice(NIL_ANGLE);
                } else if self.f.sharp_v {
                    // The static type is not known here.
                    self.buf.extend_from_slice(b"interface {}(nil)");
                } else {
                    self.buf.extend_from_slice(NIL_ANGLE);
                }
            }
            Val::Bool { v: b, .. } => self.fmt_bool(*b, verb, v),
            Val::Int { v: i, .. } => self.fmt_integer(*i as u64, true, verb, v),
            Val::Uint { v: u, .. } => self.fmt_integer(*u, false, verb, v),
            Val::Float { bits, size, .. } => self.fmt_float(f64::from_bits(*bits), *size, verb, v),
            Val::Str { v: s, .. } => self.fmt_string(s, verb, v),
            Val::Struct { fields, ty } => {
                if self.f.sharp_v {
                    self.buf.extend_from_slice(ty.as_bytes());
                }
                self.buf.push(b'{');
                for (i, (name, field)) in fields.iter().enumerate() {
                    if i > 0 {
                        if self.f.sharp_v {
                            self.buf.extend_from_slice(b", ");
                        } else {
                            self.buf.push(b' ');
                        }
                    }
                    if (self.f.plus_v || self.f.sharp_v) && !name.is_empty() {
                        self.buf.extend_from_slice(name.as_bytes());
                        self.buf.push(b':');
                    }
                    self.print_value(field, verb, depth + 1, ro || !is_exported(name));
                }
                self.buf.push(b'}');
            }
            Val::Bytes {
                v: bytes,
                ty,
                elems,
            } => {
                if matches!(verb, 's' | 'q' | 'x' | 'X') {
                    self.fmt_bytes(bytes.as_deref(), verb, ty);
                    return;
                }
                if let Some(elems) = elems {
                    self.print_slice(Some(elems), ty, verb, depth, ro);
                    return;
                }
                let elem_ty = ty.strip_prefix("[]").unwrap_or("uint8");
                let items: Option<Vec<Val>> = bytes.as_ref().map(|b| {
                    b.iter()
                        .map(|&c| Val::Uint {
                            v: u64::from(c),
                            ty: elem_ty.to_string(),
                        })
                        .collect()
                });
                self.print_slice(items.as_deref(), ty, verb, depth, ro);
            }
            Val::Slice { items, ty } => {
                if ty == "[]uint8" && matches!(verb, 's' | 'q' | 'x' | 'X') {
                    let bytes: Option<Vec<u8>> = items.as_ref().map(|items| {
                        items
                            .iter()
                            .map(|it| match base(it) {
                                Val::Uint { v, .. } => *v as u8,
                                Val::Int { v, .. } => *v as u8,
                                _ => 0,
                            })
                            .collect()
                    });
                    self.fmt_bytes(bytes.as_deref(), verb, ty);
                    return;
                }
                self.print_slice(items.as_deref(), ty, verb, depth, ro);
            }
            Val::Ptr { addr, pointee, .. } => {
                if depth == 0 && *addr != 0 {
                    if let Some(p) = pointee {
                        if matches!(
                            base(p),
                            Val::Struct { .. }
                                | Val::Slice { .. }
                                | Val::Bytes { .. }
                                | Val::Map { .. }
                        ) {
                            self.buf.push(b'&');
                            self.print_value(p, verb, depth + 1, ro);
                            return;
                        }
                    }
                }
                self.fmt_pointer(v, verb);
            }
            Val::Func { .. } => self.fmt_pointer(v, verb),
            Val::Map { entries, ty } => self.print_map(entries.as_deref(), ty, verb, depth, ro),
            Val::RawSlice { .. } | Val::RawIface { .. } => {
                let text = print_builtin(std::slice::from_ref(v), false);
                self.buf.extend_from_slice(&text);
            }
        }
    }

    pub(super) fn print_slice(
        &mut self,
        items: Option<&[Val]>,
        ty: &str,
        verb: char,
        depth: usize,
        ro: bool,
    ) {
        if self.f.sharp_v {
            self.buf.extend_from_slice(ty.as_bytes());
            let Some(items) = items else {
                self.buf.extend_from_slice(b"(nil)");
                return;
            };
            self.buf.push(b'{');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    self.buf.extend_from_slice(b", ");
                }
                if let Val::NilInterface = item {
                    // Go names the element's static type: `error(nil)`.
                    let elem_ty = ty.strip_prefix("[]").unwrap_or("interface {}");
                    self.buf.extend_from_slice(elem_ty.as_bytes());
                    self.buf.extend_from_slice(b"(nil)");
                    continue;
                }
                self.print_value(item, verb, depth + 1, ro);
            }
            self.buf.push(b'}');
        } else {
            self.buf.push(b'[');
            for (i, item) in items.unwrap_or_default().iter().enumerate() {
                if i > 0 {
                    self.buf.push(b' ');
                }
                self.print_value(item, verb, depth + 1, ro);
            }
            self.buf.push(b']');
        }
    }

    /// Go's `argNumber`: an explicit `[n]` operand index at `format[i..]`.
    pub(super) fn arg_number(
        &mut self,
        arg_num: usize,
        format: &[u8],
        i: usize,
        num_args: usize,
    ) -> (usize, usize, bool) {
        if format.len() <= i || format[i] != b'[' {
            return (arg_num, i, false);
        }
        self.reordered = true;
        let (index, wid, ok) = parse_arg_number(&format[i..]);
        if ok && 0 <= index && (index as usize) < num_args {
            return (index as usize, i + wid, true);
        }
        self.good_arg_num = false;
        (arg_num, i + wid, ok)
    }

    pub(super) fn do_printf(&mut self, format: &[u8], args: &[Val]) {
        let end = format.len();
        let mut arg_num = 0usize;
        let mut after_index;
        self.reordered = false;
        let mut i = 0;
        'format_loop: while i < end {
            self.good_arg_num = true;
            let lasti = i;
            while i < end && format[i] != b'%' {
                i += 1;
            }
            if i > lasti {
                self.buf.extend_from_slice(&format[lasti..i]);
            }
            if i >= end {
                break;
            }
            i += 1; // skip %
            self.f = Flags::default();
            // Flags, and the fast path for a simple verb.
            while i < end {
                let c = format[i];
                match c {
                    b'#' => self.f.sharp = true,
                    b'0' => self.f.zero = true,
                    b'+' => self.f.plus = true,
                    b'-' => self.f.minus = true,
                    b' ' => self.f.space = true,
                    _ => {
                        if c.is_ascii_lowercase() && arg_num < args.len() {
                            if c == b'v' || c == b'w' {
                                self.f.sharp_v = self.f.sharp;
                                self.f.sharp = false;
                                self.f.plus_v = self.f.plus;
                                self.f.plus = false;
                            }
                            self.print_arg(&args[arg_num], char::from(c));
                            arg_num += 1;
                            i += 1;
                            continue 'format_loop;
                        }
                        break;
                    }
                }
                i += 1;
            }

            // Argument index, then width.
            (arg_num, i, after_index) = self.arg_number(arg_num, format, i, args.len());
            if i < end && format[i] == b'*' {
                i += 1;
                (self.f.wid, self.f.wid_present, arg_num) = int_from_arg(args, arg_num);
                if !self.f.wid_present {
                    self.buf.extend_from_slice(b"%!(BADWIDTH)");
                }
                if self.f.wid < 0 {
                    self.f.wid = -self.f.wid;
                    self.f.minus = true;
                    self.f.zero = false;
                }
                after_index = false;
            } else {
                (self.f.wid, self.f.wid_present, i) = parse_num(format, i, end);
                if after_index && self.f.wid_present {
                    self.good_arg_num = false;
                }
            }

            // Precision.
            if i + 1 < end && format[i] == b'.' {
                i += 1;
                if after_index {
                    self.good_arg_num = false;
                }
                (arg_num, i, after_index) = self.arg_number(arg_num, format, i, args.len());
                if i < end && format[i] == b'*' {
                    i += 1;
                    (self.f.prec, self.f.prec_present, arg_num) = int_from_arg(args, arg_num);
                    if self.f.prec < 0 {
                        self.f.prec = 0;
                        self.f.prec_present = false;
                    }
                    if !self.f.prec_present {
                        self.buf.extend_from_slice(b"%!(BADPREC)");
                    }
                    after_index = false;
                } else {
                    (self.f.prec, self.f.prec_present, i) = parse_num(format, i, end);
                    if !self.f.prec_present {
                        self.f.prec = 0;
                        self.f.prec_present = true;
                    }
                }
            }

            if !after_index {
                (arg_num, i, _) = self.arg_number(arg_num, format, i, args.len());
            }

            if i >= end {
                self.buf.extend_from_slice(b"%!(NOVERB)");
                break;
            }

            let (r, size) = decode_rune(&format[i..]);
            let verb = char::from_u32(r).unwrap_or('\u{FFFD}');
            i += size;

            if verb == '%' {
                self.buf.push(b'%');
            } else if !self.good_arg_num {
                self.buf.extend_from_slice(b"%!");
                self.write_rune(verb);
                self.buf.extend_from_slice(b"(BADINDEX)");
            } else if arg_num >= args.len() {
                self.buf.extend_from_slice(b"%!");
                self.write_rune(verb);
                self.buf.extend_from_slice(b"(MISSING)");
            } else {
                if verb == 'v' || verb == 'w' {
                    self.f.sharp_v = self.f.sharp;
                    self.f.sharp = false;
                    self.f.plus_v = self.f.plus;
                    self.f.plus = false;
                }
                self.print_arg(&args[arg_num], verb);
                arg_num += 1;
            }
        }

        if !self.reordered && arg_num < args.len() {
            self.f = Flags::default();
            self.buf.extend_from_slice(b"%!(EXTRA ");
            for (i, arg) in args[arg_num..].iter().enumerate() {
                if i > 0 {
                    self.buf.extend_from_slice(b", ");
                }
                if let Val::NilInterface = arg {
                    self.buf.extend_from_slice(NIL_ANGLE);
                } else {
                    self.buf.extend_from_slice(type_of(arg).as_bytes());
                    self.buf.push(b'=');
                    self.print_arg(arg, 'v');
                }
            }
            self.buf.push(b')');
        }
    }
}
