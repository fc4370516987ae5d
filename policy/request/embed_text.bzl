"""embed_text: a data file built into the binary as a C++ raw string."""

def embed_text(name, src, symbol):
    """Generates `name`.cc defining `extern const char symbol[]`, the text of `src` (one leading newline).

    The raw string's delimiter is `embedded`: `src` must not hold `)embedded"`.
    """
    native.genrule(
        name = name,
        srcs = [src],
        outs = [name + ".cc"],
        cmd = ("(printf '// Generated from $<.\\nnamespace hubperm {\\nextern const char %s[];\\n" +
               "const char %s[] = R\"embedded(\\n'; cat $<; printf ')embedded\";\\n}  // namespace hubperm\\n') > $@") %
              (symbol, symbol),
    )
