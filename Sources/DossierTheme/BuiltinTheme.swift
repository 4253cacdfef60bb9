/// The default templates, stylesheet, script and favicon, compiled into the binary (see the
/// `EmbedTheme` plugin), so a site needs no `Templates/` of its own. A site's `Templates/`
/// overrides them file by file; `dossier theme export` writes them out for editing.
public enum BuiltinTheme {
    /// Every file of the theme by its path under `Theme/` (`layout.mustache`,
    /// `partials/card.mustache`, `assets/style.css`), in path order.
    public static var files: [(path: String, text: String)] { embedded }
}
