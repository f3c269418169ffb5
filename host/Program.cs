using Kepegawaian.Service.Cli;

// `kepegawaian` — see spec §5. Every command lives in Cli/Commands; the long-running service
// (`serve`) composes its areas in Hosting/ServiceHost.cs.
return await CliApp.RunAsync(args);
