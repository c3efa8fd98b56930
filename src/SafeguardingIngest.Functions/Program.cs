using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using SafeguardingIngest.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.AddSafeguardingIngestFunctions();
builder.Build().Run();
