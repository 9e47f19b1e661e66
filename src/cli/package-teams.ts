/**
 * `npm run package:teams`: build the Teams app package (build/appPackage.zip) from manifest/.
 *
 * The manifest in the repository carries a placeholder GUID for the app id and the bot id; the
 * packager fills both from the MicrosoftAppId environment variable, validates the result offline
 * against the JSON schemas shipped in @microsoft/app-manifest (for the manifest's own
 * manifestVersion), checks the icons and writes a zip with every file at its root.
 *
 * Exit codes: 0 written, 1 invalid manifest/localization/icons, 2 missing or malformed app id.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import AdmZip from "adm-zip";
import Ajv04 from "ajv-draft-04";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { ValidateFunction } from "ajv";
import { PNG } from "pngjs";
import { Command } from "commander";

/** The GUID standing in for the app id / bot id in manifest/manifest.json. */
export const PLACEHOLDER_APP_ID = "00000000-0000-0000-0000-000000000000";
export const GUID_PATTERN = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
export const DEFAULT_MANIFEST_DIR = path.join(REPO_ROOT, "manifest");
export const DEFAULT_OUT = path.join(REPO_ROOT, "build", "appPackage.zip");

/** Expected icon sizes (Teams: color 192×192, outline 32×32). */
export const ICON_SIZES = { color: 192, outline: 32 } as const;

// ---------------------------------------------------------------------------------------------
// Loading

type Json = Record<string, unknown>;

export interface Manifest extends Json {
  manifestVersion: string;
  version: string;
  id: string;
  icons: { color: string; outline: string };
  localizationInfo?: {
    defaultLanguageTag?: string;
    additionalLanguages?: { languageTag: string; file: string }[];
  };
  bots?: {
    botId: string;
    scopes?: string[];
    commandLists?: { scopes: string[]; commands: { title: string; description?: string; type?: string; prompt?: string }[] }[];
  }[];
}

export function readJson<T = Json>(file: string): T {
  const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
}

export function readManifest(manifestDir = DEFAULT_MANIFEST_DIR): Manifest {
  return readJson<Manifest>(path.join(manifestDir, "manifest.json"));
}

// ---------------------------------------------------------------------------------------------
// Schemas (offline, from the npm package)

/** Folder of the Teams schemas for one manifest version inside @microsoft/app-manifest. */
export function schemaDir(manifestVersion: string): string {
  const pkg = require.resolve("@microsoft/app-manifest/package.json");
  const dir = path.join(path.dirname(pkg), "build", "json-schemas", "teams", `v${manifestVersion}`);
  if (!fs.existsSync(path.join(dir, "MicrosoftTeams.schema.json"))) {
    throw new Error(
      `no schema for manifestVersion ${manifestVersion} in @microsoft/app-manifest (looked in ${dir})`,
    );
  }
  return dir;
}

const validators = new Map<string, ValidateFunction>();

/** Compile a schema file with the Ajv class its $schema asks for (draft-04 or 2020-12). */
export function compileSchema(schemaFile: string): ValidateFunction {
  const cached = validators.get(schemaFile);
  if (cached) return cached;
  const schema = readJson(schemaFile);
  const draft = String(schema.$schema ?? "");
  // unicodeRegExp off: the shipped localization schema has patterns (e.g. `\b]`) that are invalid with the u flag.
  const options = { allErrors: true, strict: false, unicodeRegExp: false } as const;
  const ajv = draft.includes("2020-12") ? new Ajv2020(options) : new Ajv04(options);
  addFormats(ajv as never);
  const validate = ajv.compile(schema);
  validators.set(schemaFile, validate);
  return validate;
}

function schemaErrors(validate: ValidateFunction, data: unknown, label: string): string[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).map(
    (e) => `${label}${e.instancePath || "/"} ${e.message ?? "is invalid"} ${JSON.stringify(e.params)}`,
  );
}

export function validateManifestSchema(manifest: Manifest): string[] {
  const file = path.join(schemaDir(manifest.manifestVersion), "MicrosoftTeams.schema.json");
  return schemaErrors(compileSchema(file), manifest, "manifest.json");
}

export function validateLocalizationSchema(
  manifestVersion: string,
  localization: Json,
  label: string,
): string[] {
  const file = path.join(schemaDir(manifestVersion), "MicrosoftTeams.Localization.schema.json");
  if (!fs.existsSync(file)) return [];
  return schemaErrors(compileSchema(file), localization, label);
}

// ---------------------------------------------------------------------------------------------
// Cross-checks the schema cannot express

/** Resolve a localization key such as `bots[0].commandLists[1].commands[2].title` in the manifest. */
export function lookupKey(manifest: unknown, key: string): unknown {
  let node: unknown = manifest;
  for (const part of key.match(/[^.[\]]+/g) ?? []) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Every localized key must exist in the manifest, and every command must be translated. */
export function checkLocalizationKeys(manifest: Manifest, localization: Json, label: string): string[] {
  const errors: string[] = [];
  for (const key of Object.keys(localization)) {
    if (key === "$schema" || key === "localizationKeys") continue;
    if (lookupKey(manifest, key) === undefined) errors.push(`${label}: key "${key}" has no counterpart in manifest.json`);
  }
  manifest.bots?.forEach((bot, b) =>
    bot.commandLists?.forEach((list, l) =>
      list.commands.forEach((command, c) => {
        for (const field of ["title", "description", "prompt"] as const) {
          const key = `bots[${b}].commandLists[${l}].commands[${c}].${field}`;
          if (command[field] !== undefined && localization[key] === undefined) {
            errors.push(`${label}: missing translation for ${key}`);
          }
        }
      }),
    ),
  );
  return errors;
}

export interface IconInfo {
  width: number;
  height: number;
  /** true when every pixel that is not fully transparent is pure white */
  whiteOrTransparent: boolean;
  hasOpaque: boolean;
  hasTransparent: boolean;
}

export function inspectPng(data: Buffer): IconInfo {
  const png = PNG.sync.read(data);
  let whiteOrTransparent = true;
  let hasOpaque = false;
  let hasTransparent = false;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b, a] = [png.data[i], png.data[i + 1], png.data[i + 2], png.data[i + 3]];
    if (a === 0) hasTransparent = true;
    else {
      if (a === 255) hasOpaque = true;
      if (r !== 255 || g !== 255 || b !== 255) whiteOrTransparent = false;
    }
  }
  return { width: png.width, height: png.height, whiteOrTransparent, hasOpaque, hasTransparent };
}

export function checkIcons(manifest: Manifest, manifestDir: string): string[] {
  const errors: string[] = [];
  for (const kind of ["color", "outline"] as const) {
    const rel = manifest.icons?.[kind];
    const file = rel && path.join(manifestDir, rel);
    if (!file || !fs.existsSync(file)) {
      errors.push(`icons.${kind}: file ${rel ?? "(unset)"} not found in ${manifestDir}`);
      continue;
    }
    let info: IconInfo;
    try {
      info = inspectPng(fs.readFileSync(file));
    } catch (e) {
      errors.push(`icons.${kind}: ${rel} is not a valid PNG (${(e as Error).message})`);
      continue;
    }
    const size = ICON_SIZES[kind];
    if (info.width !== size || info.height !== size) {
      errors.push(`icons.${kind}: ${rel} is ${info.width}×${info.height}, expected ${size}×${size}`);
    }
    if (kind === "outline" && !(info.whiteOrTransparent && info.hasOpaque && info.hasTransparent)) {
      errors.push(`icons.outline: ${rel} must be white on a transparent background`);
    }
  }
  return errors;
}

/** All checks on a manifest folder (or an already-substituted manifest object). */
export function checkManifestDir(manifestDir: string, manifest = readManifest(manifestDir)): string[] {
  const errors = [...validateManifestSchema(manifest), ...checkIcons(manifest, manifestDir)];
  for (const lang of manifest.localizationInfo?.additionalLanguages ?? []) {
    const file = path.join(manifestDir, lang.file);
    if (!fs.existsSync(file)) {
      errors.push(`localization ${lang.languageTag}: ${lang.file} not found`);
      continue;
    }
    const loc = readJson(file);
    errors.push(...validateLocalizationSchema(manifest.manifestVersion, loc, lang.file));
    errors.push(...checkLocalizationKeys(manifest, loc, lang.file));
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Packaging

export class PackageError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export interface PackageOptions {
  manifestDir?: string;
  outFile?: string;
  /** value of MicrosoftAppId; undefined/empty means unset */
  appId?: string;
  allowPlaceholder?: boolean;
}

export interface PackageResult {
  outFile: string;
  appId: string;
  placeholder: boolean;
  appVersion: string;
  manifestVersion: string;
  files: string[];
}

/** Decide the app id: MicrosoftAppId if it is a GUID, the placeholder if allowed, else exit 2. */
export function resolveAppId(raw: string | undefined, allowPlaceholder: boolean): string {
  const value = raw?.trim();
  if (!value) {
    if (allowPlaceholder) return PLACEHOLDER_APP_ID;
    throw new PackageError(
      "MicrosoftAppId is not set. Set it to the bot's Microsoft Entra app (client) id, " +
        "e.g. MicrosoftAppId=xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx npm run package:teams, " +
        "or pass --allow-placeholder to package with the placeholder id for a local test.",
      2,
    );
  }
  if (!GUID_PATTERN.test(value)) {
    throw new PackageError(
      `MicrosoftAppId must be a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx); got a value of ${value.length} characters that is not.`,
      2,
    );
  }
  return value.toLowerCase();
}

/** Fill the app id and every bot id (only placeholders are replaced; other ids are left alone). */
export function substituteAppId(manifest: Manifest, appId: string): Manifest {
  const copy = JSON.parse(JSON.stringify(manifest)) as Manifest;
  const fill = (value: string) => (value === PLACEHOLDER_APP_ID || value === "${{MICROSOFT_APP_ID}}" ? appId : value);
  copy.id = fill(copy.id);
  for (const bot of copy.bots ?? []) bot.botId = fill(bot.botId);
  return copy;
}

export function buildAppPackage(options: PackageOptions = {}): PackageResult {
  const manifestDir = path.resolve(options.manifestDir ?? DEFAULT_MANIFEST_DIR);
  const outFile = path.resolve(options.outFile ?? DEFAULT_OUT);
  const appId = resolveAppId(options.appId, options.allowPlaceholder ?? false);

  const manifest = substituteAppId(readManifest(manifestDir), appId);
  const errors = checkManifestDir(manifestDir, manifest);
  if (errors.length > 0) {
    throw new PackageError(`the app package is not valid:\n  - ${errors.join("\n  - ")}`, 1);
  }

  const zip = new AdmZip();
  const files = ["manifest.json"];
  zip.addFile("manifest.json", Buffer.from(JSON.stringify(manifest, null, 2) + "\n", "utf8"));
  const extra = [
    ...(manifest.localizationInfo?.additionalLanguages ?? []).map((l) => l.file),
    manifest.icons.color,
    manifest.icons.outline,
  ];
  for (const rel of extra) {
    const name = path.posix.basename(rel);
    zip.addFile(name, fs.readFileSync(path.join(manifestDir, rel)));
    files.push(name);
  }
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  // Not zip.writeZip: adm-zip chmods its output to 0666, ignoring the umask.
  fs.writeFileSync(outFile, zip.toBuffer());

  return {
    outFile,
    appId,
    placeholder: appId === PLACEHOLDER_APP_ID,
    appVersion: manifest.version,
    manifestVersion: manifest.manifestVersion,
    files,
  };
}

// ---------------------------------------------------------------------------------------------
// CLI

export function main(argv = process.argv, env = process.env): number {
  const program = new Command()
    .name("package-teams")
    .description("Validate manifest/ and write the Teams app package (zip) with the app id filled in")
    .option("--out <file>", "zip to write", DEFAULT_OUT)
    .option("--manifest-dir <dir>", "folder holding manifest.json, localization files and icons", DEFAULT_MANIFEST_DIR)
    .option("--allow-placeholder", "package with the placeholder app id when MicrosoftAppId is unset", false)
    .parse(argv);
  const opts = program.opts<{ out: string; manifestDir: string; allowPlaceholder: boolean }>();
  try {
    const result = buildAppPackage({
      manifestDir: opts.manifestDir,
      outFile: opts.out,
      appId: env.MicrosoftAppId,
      allowPlaceholder: opts.allowPlaceholder,
    });
    const rel = path.relative(process.cwd(), result.outFile);
    const shown = rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : result.outFile;
    console.log(`Wrote ${shown}`);
    console.log(`  app version:      ${result.appVersion}`);
    console.log(`  manifest schema:  ${result.manifestVersion} (validated offline)`);
    console.log(`  app id / bot id:  ${result.appId}${result.placeholder ? "  (PLACEHOLDER - not installable as is)" : ""}`);
    console.log(`  files:            ${result.files.join(", ")}`);
    return 0;
  } catch (e) {
    if (e instanceof PackageError) {
      console.error(`package:teams: ${e.message}`);
      return e.exitCode;
    }
    console.error(`package:teams: ${(e as Error).message}`);
    return 1;
  }
}

if (require.main === module) {
  process.exitCode = main();
}
