namespace SplitBrain;

/// <summary>A client asks a bank server to pay out <paramref name="Amount"/> dollars.</summary>
/// <param name="RequestId">Names the request, like <c>w1</c>.</param>
/// <param name="Amount">Dollars to withdraw.</param>
public sealed record WithdrawRequest(string RequestId, long Amount) : Message, IClientRequest;

/// <summary>The server paid the money out.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="Amount">Dollars paid.</param>
public sealed record Paid(string RequestId, long Amount) : Message;

/// <summary>The server refused: no funds, or its write was fenced off.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="Reason">Why.</param>
public sealed record Refused(string RequestId, string Reason) : Message;

/// <summary>The server is not the leader; ask <paramref name="Hint"/> instead, if known.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="Hint">Who this server believes leads.</param>
public sealed record NotLeader(string RequestId, NodeId? Hint) : Message;
