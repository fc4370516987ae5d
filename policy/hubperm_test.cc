// Copyright 2026 The hubperm Authors.
//
// The facade (hubperm.h): loading gives an engine or every issue; the pipeline's four steps through
// it; and one engine shared by 8 threads, checking and explaining, gives exactly the single-threaded
// results (run in the normal and the asan builds).

#include "policy/hubperm.h"

#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "policy/load/world_writer.h"
#include "policy/testing/random_world.h"

namespace hubperm {
namespace {

using ::testing::HasSubstr;

TEST(Engine, LoadGivesTheIssuesOrAnEngine) {
  const LoadResult bad = Engine::LoadTexts({{"bad.yaml", "users: [alice]\ntokens:\n  - {name: t, owner: bob, role: read}\n"}});
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.engine, nullptr);
  EXPECT_EQ(bad.error_count(), 1);
  EXPECT_THAT(bad.RenderIssues(), HasSubstr("bad.yaml:3:22: error: in token 't': unknown user 'bob'"));

  const LoadResult missing = Engine::Load({"no/such/file.yaml"});
  EXPECT_FALSE(missing.ok());
  EXPECT_THAT(missing.RenderIssues(), HasSubstr("cannot read 'no/such/file.yaml'"));

  const LoadResult good = Engine::Load({"testdata/founding/world.yaml"});
  ASSERT_TRUE(good.ok()) << good.RenderIssues();
  EXPECT_EQ(good.error_count(), 0);
  EXPECT_EQ(good.engine->world().cases.size(), 4u);
}

// The founding question through the facade, in the HTTP form.
TEST(Engine, AsksTheFoundingQuestion) {
  const LoadResult loaded = Engine::Load({"testdata/founding/world.yaml"});
  ASSERT_TRUE(loaded.ok());
  const Engine& engine = *loaded.engine;
  RequestInput input;
  input.http = "POST /api/repos/create";
  input.body = RequestBody::Json({{"type", "model"}, {"name", "x"}, {"organization", "acme"}});
  const absl::StatusOr<ResolvedRequest> request = engine.Resolve("limited-test-token", input);
  ASSERT_TRUE(request.ok()) << request.status();
  const Decision d = engine.Check(*request);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.status, 403);
  EXPECT_TRUE(d.user.allowed);
  EXPECT_FALSE(d.token.allowed);
  const Explanation e = engine.Explain(*request, d);
  EXPECT_THAT(RenderExplanation(e), HasSubstr("route POST /api/repos/create, decided as create_repo"));
  EXPECT_THAT(engine.ExplanationJson(e), HasSubstr("\"schema\": \"hubperm.decision/v1\""));
  // A name the world lacks is an error naming the nearest one.
  EXPECT_THAT(std::string(engine.Resolve("limited-test-tokn", input).status().message()),
              HasSubstr("did you mean 'limited-test-token'"));
}

// What one check and its explanation give, to compare runs.
std::string Outcome(const Engine& engine, const Request& request) {
  const Decision d = engine.Check(request);
  const Explanation e = engine.Explain(ResolvedRequest{request, AskedAs()}, d);
  return absl::StrCat(d.allowed, " ", d.status, " ", static_cast<int>(d.reply), "\n", RenderExplanation(e),
                      engine.ExplanationJson(e));
}

// 8 threads on one engine: each checks and explains every request of a world, starting at a different
// place, and every outcome equals the single-threaded one.
TEST(Engine, EightThreadsGiveTheSingleThreadedResults) {
  for (uint32_t seed : {1u, 2u}) {
    const LoadResult loaded = Engine::LoadTexts({{"w.yaml", WriteFixture(RandomWorld(seed, RandomWorldShape{}))}});
    ASSERT_TRUE(loaded.ok()) << loaded.RenderIssues();
    const std::shared_ptr<const Engine> engine = loaded.engine;
    std::vector<Request> requests = AllRequests(engine->snapshot());
    if (requests.size() > 600) requests.resize(600);  // the asan build is slow; 600 cover every operation
    ASSERT_GT(requests.size(), 100u);
    std::vector<std::string> expected;
    for (const Request& r : requests) expected.push_back(Outcome(*engine, r));

    constexpr int kThreads = 8;
    std::vector<std::vector<std::string>> got(kThreads, std::vector<std::string>(requests.size()));
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        for (size_t k = 0; k < requests.size(); ++k) {
          const size_t i = (k + t * requests.size() / kThreads) % requests.size();
          got[t][i] = Outcome(*engine, requests[i]);
        }
      });
    }
    for (std::thread& thread : threads) thread.join();
    for (int t = 0; t < kThreads; ++t) {
      for (size_t i = 0; i < requests.size(); ++i) {
        ASSERT_EQ(got[t][i], expected[i]) << "seed " << seed << ", thread " << t << ", request " << i;
      }
    }
  }
}

}  // namespace
}  // namespace hubperm
