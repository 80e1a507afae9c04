using System.CommandLine;
using SplitBrain.Lab;

namespace Course.Cli.Commands;

/// <summary>
/// The hidden verbs the lab starts as real processes: <c>lab-client</c> (one client of the lab's story) and
/// <c>lab-writer</c> (a load writer for the lab's tests). Learners never type them.
/// </summary>
public static class LabClientCommand
{
    /// <summary>Builds <c>lab-client</c>.</summary>
    public static Command Client()
    {
        var name = Required("--name", "The client's name.");
        var store = Required("--store", "sqlite or postgres.");
        var database = Required("--database", "The SQLite file or the PostgreSQL connection string.");
        var coordinator = Required("--coordinator", "embedded or etcd.");
        var address = Required("--address", "The embedded lease server's HOST:PORT or etcd's client URLs.");
        var ttl = new Option<double>("--ttl") { Description = "The lease's time to live in seconds.", DefaultValueFactory = _ => LabOptions.DefaultTtl.TotalSeconds };
        var amount = new Option<long>("--amount") { Description = "Dollars per write.", DefaultValueFactory = _ => LabRun.Withdrawal };
        var command = new Command("lab-client", "One client process of 'course lab'.") { name, store, database, coordinator, address, ttl, amount };
        command.Hidden = true;
        command.SetAction(parsed =>
        {
            var options = new LabClientOptions
            {
                Name = parsed.GetValue(name)!,
                Store = parsed.GetValue(store)!,
                Database = parsed.GetValue(database)!,
                Coordinator = parsed.GetValue(coordinator)!,
                Address = parsed.GetValue(address)!,
                Ttl = TimeSpan.FromSeconds(parsed.GetValue(ttl)),
                Amount = parsed.GetValue(amount),
            };
            return LabClient.RunAsync(options, Console.In, parsed.InvocationConfiguration.Output).GetAwaiter().GetResult();
        });
        return command;
    }

    /// <summary>Builds <c>lab-writer</c>.</summary>
    public static Command Writer()
    {
        var name = Required("--name", "The writer's name.");
        var store = Required("--store", "sqlite or postgres.");
        var database = Required("--database", "The SQLite file or the PostgreSQL connection string.");
        var guard = new Option<string>("--guard") { Description = "atomic or check-then-write.", DefaultValueFactory = _ => "atomic" };
        guard.AcceptOnlyFromAmong("atomic", "check-then-write");
        var first = new Option<long>("--first") { Description = "The first token.", DefaultValueFactory = _ => 1 };
        var step = new Option<long>("--step") { Description = "How much each token adds to the one before.", DefaultValueFactory = _ => 1 };
        var count = new Option<int>("--count") { Description = "How many writes.", DefaultValueFactory = _ => 100 };
        var resource = new Option<string>("--resource") { Description = "The account's name.", DefaultValueFactory = _ => "acct-1" };
        var command = new Command("lab-writer", "A load writer for the lab's tests.") { name, store, database, guard, first, step, count, resource };
        command.Hidden = true;
        command.SetAction(parsed =>
        {
            var kind = parsed.GetValue(guard) == "atomic" ? LedgerGuard.Atomic : LedgerGuard.CheckThenWrite;
            var ledger = LabConnections.OpenLedger(parsed.GetValue(store)!, parsed.GetValue(database)!, kind, parsed.GetValue(resource)!);
            long start = parsed.GetValue(first), by = parsed.GetValue(step);
            var tokens = Enumerable.Range(0, parsed.GetValue(count)).Select(i => start + (i * by));
            try
            {
                return LabWriter.RunAsync(parsed.GetValue(name)!, ledger, tokens, Console.In, parsed.InvocationConfiguration.Output).GetAwaiter().GetResult();
            }
            finally
            {
                ledger.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        });
        return command;
    }

    private static Option<string> Required(string name, string description) => new(name) { Description = description, Required = true };
}
