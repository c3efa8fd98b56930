using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SafeguardingIngest.Storage;

var builder = FunctionsApplication.CreateBuilder(args);

// Logs go to Application Insights from the worker itself, so each line keeps its message
// template's properties (SubmissionId, Agency, Period, Outcome, ElapsedMs) as custom dimensions.
builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();

// The Application Insights provider keeps only warnings by default; the outcome of every upload is
// logged at Information and must reach it.
builder.Logging.Services.Configure<LoggerFilterOptions>(options =>
{
    var warningsOnly = options.Rules.FirstOrDefault(r => r.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
    if (warningsOnly is not null)
    {
        options.Rules.Remove(warningsOnly);
    }
});

// The same registration as `sgi`: one pipeline, two hosts.
builder.Services.AddSafeguardingIngest(builder.Configuration);
builder.Services.AddHostedService<StorageLayoutInitializer>();

builder.Build().Run();
