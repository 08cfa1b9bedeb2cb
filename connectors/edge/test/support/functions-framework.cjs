// Runs a function the way the Functions Framework's own CLI does (same loader, same server), but listening on
// 127.0.0.1 only: the CLI binds every interface. Arguments are the CLI's (--target, --source, --port).
const framework = require("node:path").join(__dirname, "../../node_modules/@google-cloud/functions-framework/build/src/");
const { parseOptions } = require(`${framework}options`);
const { getUserFunction } = require(`${framework}loader`);
const { getServer } = require(`${framework}server`);

(async () => {
  const options = parseOptions();
  const loaded = await getUserFunction(options.sourceLocation, options.target, options.signatureType);
  if (!loaded) {
    console.error(`could not load ${options.target} from ${options.sourceLocation}`);
    process.exit(1);
  }

  options.signatureType = loaded.signatureType;
  getServer(loaded.userFunction, options).listen(options.port, "127.0.0.1").setTimeout(0);
})();
