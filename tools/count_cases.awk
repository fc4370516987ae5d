# Counts the test cases in one JUnit XML file that Bazel keeps for a test target (test.xml): gtest's own
# report, or the one Bazel writes when a test binary dies before gtest can (one <testcase> with <error>).
# Prints "passed failed skipped". Text inside CDATA sections (captured output) is ignored, so a test that
# prints "<testcase" cannot skew the count.
function flush_case() {
  if (!open_case) return
  if (case_failed) failed++
  else if (case_skipped) skipped++
  else passed++
  open_case = 0
}
function scan(text,    i, tag) {
  while (length(text) > 0) {
    if (in_cdata) {
      i = index(text, "]]>")
      if (i == 0) return
      text = substr(text, i + 3)
      in_cdata = 0
      continue
    }
    i = index(text, "<")
    if (i == 0) return
    text = substr(text, i)
    if (substr(text, 1, 9) == "<![CDATA[") { in_cdata = 1; text = substr(text, 10); continue }
    tag = text
    sub(/>.*/, ">", tag)
    if (tag ~ /^<testcase[ >\/]/) {
      flush_case()
      open_case = 1
      case_failed = 0
      case_skipped = (tag ~ /result="(skipped|suppressed)"/ || tag ~ /status="notrun"/)
      if (tag ~ /\/>$/) flush_case()
    } else if (tag ~ /^<(failure|error)[ >\/]/) {
      case_failed = 1
    } else if (tag ~ /^<skipped[ >\/]/) {
      case_skipped = 1
    } else if (tag ~ /^<\/testcase>/) {
      flush_case()
    }
    text = substr(text, 2)
  }
}
{ scan($0) }
END { flush_case(); printf "%d %d %d\n", passed, failed, skipped }
