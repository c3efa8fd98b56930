using SafeguardingIngest.Cli;

return await SgiApp.RunAsync(args, CliConsole.System());
