/// Where the compiler is: which template's source it reads, and what the enclosing tags set up.
struct CompileContext {
    /// Compilation nesting beyond which templates are refused (sections, partials, parents and
    /// blocks all count), so neither compiling nor rendering a template can exhaust the stack:
    /// at most about 300 KiB in a debug build, within the 512 KiB of a secondary thread on macOS.
    /// Real templates nest a dozen levels.
    static let maxDepth = 64

    /// The template whose source the nodes come from, for error positions.
    var template: String
    /// Block overrides in force, by block name: the outermost parent's win.
    var overrides: [String: Override] = [:]
    /// Indentation removed at each line start of an override body (block reindentation).
    var strip = ""
    /// Overrides being expanded, to refuse a block nested in a block of the same name.
    var expanding: Set<BlockID> = []
    var depth = 0
    /// Sections entered that push a child value; recursion without one would never end.
    var pushes = 0
}

/// A block override and the template that defines it.
struct Override {
    var block: Block
    var template: String
}
