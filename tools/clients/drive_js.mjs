// Runs the functions of @huggingface/hub that talk to the Hub against the recorder
// (tools/clients/recorder.py). Usage: node drive_js.mjs http://127.0.0.1:PORT
//
// Each function is called with the arguments of CALLS; before each call the driver names it to the
// recorder, after it reports how it ended (a call that throws is recorded with its error, and the
// requests it made are kept). Nothing here reaches the Hub: hubUrl points at the recorder.
import * as hub from "@huggingface/hub";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const hubUrl = process.argv[2];
const credentials = { accessToken: "hf_recorder_placeholder_not_a_token" };
const cacheDir = mkdtempSync(join(tmpdir(), "hubperm-recorder-js-"));
const model = { type: "model", name: "acme/model" };
const dataset = { type: "dataset", name: "acme/data" };
const space = { type: "space", name: "acme/space" };
const small = () => new Blob(['{"model_type": "bert"}\n']);
const large = () => new Blob([new Uint8Array(4096)]);
const common = { hubUrl, credentials };

// Reads a listing's first items (one page is enough to record its request), or a whole run.
async function drain(iterable, limit = 3) {
  let n = 0;
  for await (const _ of iterable) {
    if (++n >= limit) break;
  }
}

// [label, function, arguments]: the function's name when the call is its plain use.
const CALLS = [
  ["whoAmI", () => hub.whoAmI({ ...common })],
  ["createRepo", () => hub.createRepo({ ...common, repo: { type: "model", name: "acme/new-model" } })],
  ["createRepo(space)", () => hub.createRepo({ ...common, repo: { type: "space", name: "acme/new-space" }, sdk: "gradio" })],
  ["createRepo(files)", () => hub.createRepo({ ...common, repo: dataset, files: [{ path: "README.md", content: small() }] })],
  ["deleteRepo", () => hub.deleteRepo({ ...common, repo: model })],
  ["repoExists", () => hub.repoExists({ ...common, repo: model })],
  ["checkRepoAccess", () => hub.checkRepoAccess({ ...common, repo: model })],
  ["modelInfo", () => hub.modelInfo({ ...common, name: "acme/model" })],
  ["datasetInfo", () => hub.datasetInfo({ ...common, name: "acme/data" })],
  ["spaceInfo", () => hub.spaceInfo({ ...common, name: "acme/space" })],
  ["listModels", () => drain(hub.listModels({ ...common, search: { owner: "acme", query: "bert" } }))],
  ["listDatasets", () => drain(hub.listDatasets({ ...common, search: { owner: "acme" } }))],
  ["listSpaces", () => drain(hub.listSpaces({ ...common, search: { owner: "acme" } }))],
  ["listFiles", () => drain(hub.listFiles({ ...common, repo: model, recursive: true }))],
  ["listCommits", () => drain(hub.listCommits({ ...common, repo: model }))],
  ["countCommits", () => hub.countCommits({ ...common, repo: model })],
  ["pathsInfo", () => hub.pathsInfo({ ...common, repo: model, paths: ["config.json"], expand: true })],
  ["fileExists", () => hub.fileExists({ ...common, repo: model, path: "config.json" })],
  ["fileExists(dataset)", () => hub.fileExists({ ...common, repo: dataset, path: "config.json" })],
  ["fileDownloadInfo", () => hub.fileDownloadInfo({ ...common, repo: model, path: "config.json" })],
  ["downloadFile", () => hub.downloadFile({ ...common, repo: model, path: "config.json" })],
  ["downloadFile(raw)", () => hub.downloadFile({ ...common, repo: space, path: "app.py", raw: true })],
  ["downloadFileToCacheDir", () => hub.downloadFileToCacheDir({ ...common, repo: model, path: "config.json", cacheDir })],
  ["snapshotDownload", () => hub.snapshotDownload({ ...common, repo: model, cacheDir })],
  ["parseSafetensorsMetadata", () => hub.parseSafetensorsMetadata({ ...common, repo: model })],
  ["uploadFile", () => hub.uploadFile({ ...common, repo: model, file: { path: "config.json", content: small() } })],
  ["uploadFile(large)", () => hub.uploadFile({ ...common, repo: model, file: { path: "model.bin", content: large() } })],
  ["uploadFiles", () => hub.uploadFiles({ ...common, repo: dataset, files: [{ path: "a.json", content: small() }, { path: "b.bin", content: large() }] })],
  ["uploadFiles(isPullRequest)", () => hub.uploadFiles({ ...common, repo: model, isPullRequest: true, files: [{ path: "a.json", content: small() }] })],
  ["uploadFilesWithProgress", () => drain(hub.uploadFilesWithProgress({ ...common, repo: model, files: [{ path: "a.json", content: small() }] }), Infinity)],
  ["commit", () => hub.commit({ ...common, repo: model, title: "recorder", operations: [
    { operation: "addOrUpdate", path: "a.json", content: small() },
    { operation: "delete", path: "old.json" },
  ] })],
  ["deleteFile", () => hub.deleteFile({ ...common, repo: model, path: "config.json" })],
  ["deleteFiles", () => hub.deleteFiles({ ...common, repo: space, paths: ["a.py", "b.py"] })],
  ["createBranch", () => hub.createBranch({ ...common, repo: model, branch: "dev" })],
  ["deleteBranch", () => hub.deleteBranch({ ...common, repo: model, branch: "dev" })],
  ["listCollections", () => drain(hub.listCollections({ ...common, search: { owner: ["acme"] } }))],
  ["createCollection", () => hub.createCollection({ ...common, collection: { title: "c", namespace: "acme" } })],
  ["deleteCollection", () => hub.deleteCollection({ ...common, slug: "acme/c-0123456789abcdef01234567" })],
  ["listJobHardware", () => hub.listJobHardware({ ...common })],
  ["listJobs", () => hub.listJobs({ ...common, namespace: "acme" })],
  ["getJob", () => hub.getJob({ ...common, namespace: "acme", jobId: "0123456789abcdef01234567" })],
  ["cancelJob", () => hub.cancelJob({ ...common, namespace: "acme", jobId: "0123456789abcdef01234567" })],
];

async function recorder(path, payload) {
  await fetch(hubUrl + path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload) });
}

for (const [label, run] of CALLS) {
  await recorder("/__recorder/call", { call: label });
  let outcome = "ok";
  try {
    await Promise.race([run(), new Promise((_, reject) => setTimeout(() => reject(new Error("the call did not end within 20 s")), 20000).unref())]);
  } catch (e) {
    outcome = `raised ${e.name}: ${String(e.message).split("\n")[0].slice(0, 200)}`;
  }
  await recorder("/__recorder/outcome", { outcome });
}
