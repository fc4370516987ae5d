"""A repository of the system Python's headers and interpreter, for hubperm's Python module.

The interpreter is Debian's (the one `python3-dev`, `pybind11-dev` and `python3-pytest` install for):
`HUBPERM_PYTHON` in the environment names another. The repository links its include directory (as the
interpreter's sysconfig reports it) and records the interpreter's path, so that the module is built for
the Python that tests and imports it:

  @system_python//:headers      Python.h, as a cc_library (includes as -isystem)
  @system_python//:interpreter  a one-line file: the interpreter's absolute path
"""

def _python_configure_impl(ctx):
    python = ctx.os.environ.get("HUBPERM_PYTHON", "")
    if not python:
        debian = ctx.path("/usr/bin/python3")
        python = str(debian) if debian.exists else ""
    if not python:
        found = ctx.which("python3")
        if found == None:
            fail("hubperm's Python module needs python3 (tools/setup.sh installs it)")
        python = str(found)
    result = ctx.execute([python, "-c", "import sysconfig; print(sysconfig.get_paths()['include'])"])
    if result.return_code != 0:
        fail("cannot ask %s for its include directory: %s" % (python, result.stderr))
    include = result.stdout.strip()
    if not ctx.path(include + "/Python.h").exists:
        fail("%s has no Python.h (tools/setup.sh installs python3-dev)" % include)
    ctx.symlink(include, "include")
    ctx.file("interpreter", python + "\n")
    ctx.file("BUILD", """
cc_library(
    name = "headers",
    hdrs = glob(["include/**/*.h"]),
    includes = ["include"],
    visibility = ["//visibility:public"],
)

exports_files(["interpreter"])
""")

python_configure = repository_rule(
    implementation = _python_configure_impl,
    environ = ["HUBPERM_PYTHON"],
    local = True,
)
