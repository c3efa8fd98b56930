using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SafeguardingIngest.Storage;

var builder = FunctionsApplication.CreateBuilder(args);

// The same registration as `sgi`: one pipeline, two hosts.
builder.Services.AddSafeguardingIngest(builder.Configuration);
builder.Services.AddHostedService<StorageLayoutInitializer>();

builder.Build().Run();
