"""Hover: what a name is, where it comes from, and its documentation (Markdown)."""

from ..vm import ast as A
from ..vm.numbers import fmt_number
from ..vm.scopes import V_FOR, V_PARAM, V_SELF
from . import stdlib_docs
from .comments import doc_classes
from .navigation import field_at


class Hover:
    __slots__ = ("markdown", "start", "end")

    def __init__(self, markdown, start, end):
        self.markdown = markdown
        self.start = start
        self.end = end


def hover(a, offset):
    occ = a.occurrence_at(offset)
    if occ is not None:
        text = _local_hover(a, occ) if occ.var is not None else _global_hover(a, occ)
        start, end = a.token_span(occ.tok)
        return Hover(text, start, end)
    field = field_at(a, offset)
    if field is not None:
        text = _field_hover(a, *field)
        if text is not None:
            start, end = a.span(field[2])
            return Hover(text, start, end)
    return None


# -- Locals -----------------------------------------------------------------------

def _local_hover(a, occ):
    var = occ.var
    where = "Declared on line %d." % a.line(a.span(var.decl)[0])
    if var.kind == V_SELF:
        return render("(self) self", [], where)
    func = a.function_of(var)
    if func is not None:
        stat = a.declaring_statement(var)
        doc = a.doc_above(stat)
        return render("local function " + signature_text(var.name, func, doc),
                      doc_paragraphs(doc), where)
    label = _local_label(a, occ)
    paragraphs = []
    if var.kind == V_PARAM:
        paragraphs = _param_doc(a, var)
    elif var.kind != V_FOR:
        doc = a.doc_above(a.declaring_statement(var))
        if doc.cls is not None:
            return render(class_label(doc), class_paragraphs(doc), where)
        paragraphs = doc_paragraphs(doc)
    return render(label, paragraphs, where)


def _local_label(a, occ):
    var = occ.var
    if var.kind == V_PARAM:
        return "(parameter) %s" % var.name
    if var.kind == V_FOR:
        return "(loop variable) %s" % var.name
    word = "upvalue" if a.func_info_of(occ.node) is not var.func else "local"
    value = constant_text(a.initial_value(var)) if not var.assigned else None
    if value is not None:
        return "%s %s = %s" % (word, var.name, value)
    return "%s %s" % (word, var.name)


def _param_doc(a, var):
    func = a.declaring_statement(var)
    if not isinstance(func, A.Function):
        return []
    entry = a.doc_above(func).params.get(var.name)
    if entry is None:
        return []
    typ, desc, optional = entry
    found = ["`%s%s` %s" % (typ or "any", "?" if optional and not typ.endswith("?") else "",
                             ("— " + desc) if desc else "")]
    cls = doc_classes(a.comments).get(typ.rstrip("?"))
    if cls is not None:
        found += [class_label(cls).join("``")] + class_paragraphs(cls)
    return found


def constant_text(value):
    """Lua text of a literal value, or None."""
    if isinstance(value, A.Number):
        return fmt_number(value.value)
    if isinstance(value, A.String):
        text = value.value.decode("utf-8", "replace")
        if len(text) > 60:
            text = text[:57] + "..."
        return '"%s"' % text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    if isinstance(value, A.TrueLit):
        return "true"
    if isinstance(value, A.FalseLit):
        return "false"
    if isinstance(value, A.Nil):
        return "nil"
    return None


# -- Globals and fields ----------------------------------------------------------------

def _global_hover(a, occ):
    name = occ.name
    if a.is_library_global(name):
        return library_hover(name)
    defs = a.global_defs.get(name)
    if not defs:
        return render("global %s" % name, ["Not defined in this file."], None)
    return global_definition_hover(a, name, defs[0],
                                   "Defined on line %d." % a.line(a.span(defs[0])[0]))


def global_definition_hover(a, name, first, where):
    """Hover text of a global from where `a` assigns it (the Name node `first`)."""
    callee = a.callee(first)
    if callee is not None and callee.func is not None:
        return render("function " + signature_text(name, callee.func, callee.doc),
                      doc_paragraphs(callee.doc), where)
    doc = a.doc_above(first)
    if doc.cls is not None:
        return render(class_label(doc), class_paragraphs(doc), where)
    return render("global %s" % name, doc_paragraphs(doc), where)


def _field_hover(a, obj, name, key):
    table = a.library_path(obj)
    if table is not None:
        if stdlib_docs.lookup("%s.%s" % (table, name)) is not None:
            return library_hover("%s.%s" % (table, name))
    field = a.known_fields(obj).get(name) if isinstance(obj, A.Name) else None
    if field is None:
        declared = _declared_field(a, obj, name) if isinstance(obj, A.Name) else []
        return render("(field) %s.%s" % (obj.name, name), declared, None) if declared \
            else None
    where = "Defined on line %d." % a.line(a.span(field.key)[0])
    if isinstance(field.value, A.Function):
        sep = ":" if field.is_method else "."
        stat = a.enclosing(field.key, A.Stat)
        doc = a.doc_above(stat) if stat is not None else None
        return render("function " + signature_text("%s%s%s" % (obj.name, sep, name),
                                                   field.value, doc),
                      doc_paragraphs(doc), where)
    value = constant_text(field.value)
    label = "(field) %s.%s" % (obj.name, name) + (" = " + value if value else "")
    return render(label, _declared_field(a, obj, name), where)


def _declared_field(a, obj, name):
    """The `---@field` line for obj.name when obj's declaration is a `---@class`."""
    if obj.var is None or obj.var.kind == V_PARAM:
        return []
    doc = a.doc_above(a.declaring_statement(obj.var))
    for fname, typ, desc in doc.fields:
        if fname.rstrip("?") == name:
            return ["`%s` %s" % (typ, ("— " + desc) if desc else "")]
    return []


def library_hover(qualified):
    entry = stdlib_docs.lookup(qualified)
    if entry is None:
        return None
    if entry.is_function:
        code = "function " + entry.signature
    elif entry.type == "library":
        code = "library %s" % qualified
    else:
        code = "%s: %s" % (qualified, entry.type)
    return render(code, [entry.doc], "LuaJIT 2.1 standard library.")


# -- Rendering ------------------------------------------------------------------------

def param_names(func):
    """Parameter names as a call passes them: no implicit self, "..." last."""
    names = [p.name for p in func.params if p.var is None or p.var.kind != V_SELF]
    if func.is_vararg:
        names.append("...")
    return names


def params_text(func):
    return "(%s)" % ", ".join(param_names(func))


def signature_text(name, func, doc):
    """`name(a: number, b?: string): boolean` with the types LuaDoc gives."""
    params = doc.params if doc else {}
    parts = []
    for p in func.params:
        if p.var is not None and p.var.kind == V_SELF:
            continue
        parts.append(param_text(p.name, params.get(p.name)))
    if func.is_vararg:
        parts.append(param_text("...", params.get("...")))
    text = "%s(%s)" % (name, ", ".join(parts))
    returns = [typ for typ, _, _ in doc.returns] if doc else []
    return text + (": " + ", ".join(returns) if returns else "")


def param_text(name, entry):
    if entry is None or not entry[0]:
        return name
    typ, _, optional = entry
    mark = "?" if optional and not typ.endswith("?") and name != "..." else ""
    return "%s%s: %s" % (name, mark, typ)


def class_label(doc):
    name, parent = doc.cls
    return "(class) %s%s" % (name, " : " + parent if parent else "")


def class_paragraphs(doc):
    out = ["\n".join(doc.description)] if doc.description else []
    if doc.fields:
        out.append("\n".join("- `%s`: %s%s" % (name, typ, (" — " + desc) if desc else "")
                             for name, typ, desc in doc.fields))
    return out


def doc_paragraphs(doc):
    if doc is None or not doc:
        return []
    out = []
    if doc.description:
        out.append("\n".join(doc.description))
    for name, (typ, desc, optional) in doc.params.items():
        out.append("@param `%s%s` %s%s" % (name, "?" if optional else "", typ,
                                          (" — " + desc) if desc else ""))
    for typ, name, desc in doc.returns:
        out.append("@return `%s`%s%s" % (typ, (" " + name) if name else "",
                                         (" — " + desc) if desc else ""))
    out.extend(doc.tags)
    return out


def render(code, paragraphs, footer):
    parts = ["```lua\n%s\n```" % code]
    if paragraphs:
        parts.append("---")
        parts.append("\n\n".join(paragraphs))
    if footer:
        parts.append(footer)
    return "\n\n".join(parts)
