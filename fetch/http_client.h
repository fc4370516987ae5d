// Copyright 2026 The hubperm Authors.
//
// fetch/http_client.h: HTTPS GET over libcurl, for `hubperm fetch-org`: the one place hubperm talks to
// the network.
//
// A request is one attempt: no retry (org_fetcher.h retries), no redirect followed (a redirect is
// returned as its 3xx status and Location header, so the caller decides whether the origin may see the
// token), a body bounded in size, and timeouts on connecting and on a stalled transfer. The headers given
// (the Authorization header among them) are sent as given and appear in no error message.
//
//   HttpClient http;
//   absl::StatusOr<HttpResponse> r = http.Get("https://huggingface.co/api/whoami-v2", {"Authorization: Bearer ..."});
//   if (r.ok() && r->status == 200) ... r->body ...

#ifndef HUBPERM_FETCH_HTTP_CLIENT_H_
#define HUBPERM_FETCH_HTTP_CLIENT_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace hubperm {

struct HttpResponse {
  int status = 0;
  std::string body;
  // Every header of the final response, names as sent; values without surrounding space.
  std::vector<std::pair<std::string, std::string>> headers;

  // The first header named `name` (case-insensitive), or "".
  std::string Header(absl::string_view name) const;
};

struct HttpOptions {
  long connect_timeout_seconds = 15;
  // A transfer slower than 1 byte/s for this long is abandoned.
  long stall_timeout_seconds = 60;
  size_t max_body_bytes = size_t{64} << 20;
  std::string user_agent = "hubperm";
};

// Not thread-safe: one client per thread. Holds one curl handle, reused (keep-alive) across requests.
class HttpClient {
 public:
  explicit HttpClient(HttpOptions options = HttpOptions());
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // One GET of `url` with `headers` ("Name: value"). A non-OK status means no HTTP response came (the
  // host was not reached, a timeout, a body over the bound); its message names the URL's origin and path,
  // never a header.
  absl::StatusOr<HttpResponse> Get(const std::string& url, const std::vector<std::string>& headers);

 private:
  HttpOptions options_;
  void* curl_;  // CURL*
};

}  // namespace hubperm

#endif  // HUBPERM_FETCH_HTTP_CLIENT_H_
