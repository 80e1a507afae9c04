// Mistake: read-then-increment with a plain Write: two requests that read 33 both write and return 34
// Caught by: never the same one twice
namespace Course.Exercises;

/// <summary>A wrong answer to exercise 7, as a learner might write it (see the Mistake line above).</summary>
public sealed class TokenIssuer
{
    private readonly ITokenRegister register;

    /// <summary>Makes an issuer over <paramref name="register"/>, which holds the last token issued.</summary>
    /// <param name="register">The shared register.</param>
    public TokenIssuer(ITokenRegister register)
    {
        ArgumentNullException.ThrowIfNull(register);
        this.register = register;
    }

    /// <summary>Issues the next token: higher than any issued before, never the same twice.</summary>
    public FencingToken Issue()
    {
        long last = register.Read();
        register.Write(last + 1);
        return new FencingToken(last + 1);
    }
}
