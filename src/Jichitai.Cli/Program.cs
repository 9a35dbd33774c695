using Jichitai.Cli;

return await CliApp.RunAsync(args);
