using Esper.Api.Http;

namespace Esper.Api.Operators;

/// <summary>Reads and checks a membership body: <c>user_id</c> (1–200 characters, no control characters) and <c>role</c>.</summary>
internal static class MembershipInput
{
    public static bool TryRead(ApiRequest request, RequestLimits limits, out string? userId, out string? role, out ApiResponse? problem)
    {
        userId = null;
        role = null;
        if (!JsonBody.TryParse(request, limits, strict: true, out var document, out problem))
        {
            return false;
        }

        using (document)
        {
            var fields = new BodyFields(document!.RootElement);
            if (!fields.IsObject)
            {
                problem = Problems.Validation("$", "must be a JSON object");
                return false;
            }

            fields.OnlyKnown("user_id", "role");
            userId = fields.String("user_id", required: true);
            role = fields.OneOf("role", OperatorRoles.All, null);
            if (userId is not null && userId.Any(char.IsControl))
            {
                fields.Errors.Add(new FieldError("user_id", "must not contain control characters"));
            }

            if (fields.Errors.Count > 0)
            {
                problem = Problems.Validation(fields.Errors);
                return false;
            }

            return true;
        }
    }
}
