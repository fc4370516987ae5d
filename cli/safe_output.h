// Copyright 2026 The hubperm Authors.
//
// cli/safe_output.h: the streams every command writes to, made safe for a terminal.
//
// Whatever a command prints (a name from a fixture, a pasted error, a value quoted in a message) goes
// through a SafeOutput, which escapes control and format characters as AppendTerminalSafe
// (policy/common/escape.h) does, so no input reaches the terminal as an escape sequence, a carriage
// return or a bidirectional override. Line feeds and tabs pass, and so do the colour sequences of
// hubperm's own Style when colour is on.
//
//   SafeOutput safe(std::cout, /*allow_style=*/false);
//   safe.stream() << "name: " << name << "\n";   // "\x1b[2J" arrives as the text \x1B[2J

#ifndef HUBPERM_CLI_SAFE_OUTPUT_H_
#define HUBPERM_CLI_SAFE_OUTPUT_H_

#include <ostream>
#include <streambuf>
#include <string>

namespace hubperm {

class SafeOutput : private std::streambuf {
 public:
  // Writes to `target`'s buffer; `allow_style` lets Style's colour sequences through.
  SafeOutput(std::ostream& target, bool allow_style);
  // Flushes what is pending, escaping an incomplete sequence at the end.
  ~SafeOutput() override;

  SafeOutput(const SafeOutput&) = delete;
  SafeOutput& operator=(const SafeOutput&) = delete;

  std::ostream& stream() { return stream_; }

 private:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;
  // Escapes and writes what `pending_` holds, all of it when `final`.
  void Drain(bool final);

  std::ostream& target_;
  const bool allow_style_;
  std::string pending_;
  std::string escaped_;
  std::ostream stream_;
};

}  // namespace hubperm

#endif  // HUBPERM_CLI_SAFE_OUTPUT_H_
