namespace SplitBrain;

/// <summary>Read the balance. With a token, the read also fences: it raises the highest token the store has seen.</summary>
/// <param name="RequestId">Names the request in the reply.</param>
/// <param name="Token">The reader's fencing token, if any.</param>
public sealed record ReadBalance(string RequestId, FencingToken? Token) : Message;

/// <summary>A blind write: "set the balance to <paramref name="NewBalance"/>", computed from version <paramref name="BasedOnVersion"/>.</summary>
/// <param name="RequestId">The client request this write carries out.</param>
/// <param name="NewBalance">The balance the writer computed.</param>
/// <param name="BasedOnVersion">The ledger version the writer's balance came from.</param>
/// <param name="Token">The writer's fencing token, if any.</param>
public sealed record SetBalance(string RequestId, long NewBalance, long BasedOnVersion, FencingToken? Token) : Message;

/// <summary>A conditional write: "take <paramref name="Amount"/> if the balance covers it".</summary>
/// <param name="RequestId">The client request this write carries out.</param>
/// <param name="Amount">Dollars to take.</param>
/// <param name="Token">The writer's fencing token, if any.</param>
public sealed record Debit(string RequestId, long Amount, FencingToken? Token) : Message;

/// <summary>A plain write of a value, for stores that keep a register rather than a ledger.</summary>
/// <param name="RequestId">Names the write.</param>
/// <param name="Value">The value written.</param>
/// <param name="Token">The writer's fencing token, if any.</param>
public sealed record WriteValue(string RequestId, string Value, FencingToken? Token) : Message;

/// <summary>The store's answer to any of its requests.</summary>
/// <param name="RequestId">The request answered.</param>
/// <param name="Accepted">Whether the store did it.</param>
/// <param name="Balance">The balance after the request (for ledger requests).</param>
/// <param name="Version">The ledger version after the request.</param>
/// <param name="Reason">The guard's reason, or why the ledger refused.</param>
public sealed record StoreReply(string RequestId, bool Accepted, long Balance, long Version, string Reason) : Message;
