"""absl_library: a cc_library that links Debian's shared libabsl_*.so; the headers are in /usr/include."""

def absl_library(name, libs = [], extra_linkopts = [], deps = []):
    """Declares one upstream Abseil target backed by system libraries.

    Args:
      name: the upstream target name (e.g. "statusor").
      libs: the libabsl_<lib>.so files this target's own code lives in (as pkg-config lists them).
      extra_linkopts: other link flags pkg-config lists for it.
      deps: the other Abseil targets it builds on, so their libraries are linked too.
    """
    native.cc_library(
        name = name,
        linkopts = ["-labsl_" + lib for lib in libs] + extra_linkopts,
        deps = deps,
        visibility = ["//visibility:public"],
    )
