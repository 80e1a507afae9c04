using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using SplitBrain.Playground;

// The playground's entry point: one root component, the player, drawn into <div id="app"> of index.html.
var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
await builder.Build().RunAsync();
