using Platform.ServiceDefaults;
using Platform.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformSilo();

var app = builder.Build();
app.MapDefaultEndpoints();

// The ADO.NET providers read their queries when the silo starts, so the schema must be in place first.
await app.ApplyDatabaseSchemaAsync();
await app.RunAsync();
