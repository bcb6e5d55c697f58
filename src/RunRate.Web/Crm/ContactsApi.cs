using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RunRate.Engine.Crm;
using RunRate.Ingest.Crm;
using RunRate.Ingest.Validation;
using RunRate.Storage;
using RunRate.Web.Infrastructure;

namespace RunRate.Web.Crm;

/// <summary><c>/api/contacts</c>: the people at accounts, validated by <see cref="ContactRules"/>.</summary>
internal static class ContactsApi
{
    public static RouteGroupBuilder MapContacts(this RouteGroupBuilder api)
    {
        var contacts = api.MapGroup("/contacts").WithTags("Contacts");
        contacts.MapGet("/", List)
            .WithName("ListContacts")
            .WithSummary("Contacts, by name, optionally of one account or matching a search");
        contacts.MapGet("/{id}", Get)
            .WithName("GetContact")
            .WithSummary("One contact")
            .ProducesValidationProblem(StatusCodes.Status404NotFound);
        contacts.MapPost("/", Create)
            .WithName("CreateContact")
            .WithSummary("Add a contact to an account")
            .Accepts<ContactBody>("application/json")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        contacts.MapPut("/{id}", Replace)
            .WithName("ReplaceContact")
            .WithSummary("Replace a contact's fields")
            .Accepts<ContactBody>("application/json")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        contacts.MapDelete("/{id}", Delete)
            .WithName("DeleteContact")
            .WithSummary("Delete a contact (its activities stay on the account)")
            .ProducesValidationProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static Ok<ContactsResponse> List(
        [FromQuery(Name = "account_id"), Description("Only contacts of this account.")] string? accountId,
        [Description("Only contacts whose name, e-mail, role or account name contains this text (ignoring case).")] string? q,
        LedgerStores stores)
    {
        using var store = stores.Open();
        var view = CrmRequests.View(stores, store);
        var search = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        return TypedResults.Ok(new ContactsResponse([.. view.Contacts(string.IsNullOrEmpty(accountId) ? null : accountId, search).Select(view.Contact)]));
    }

    private static Ok<ContactDto> Get(string id, LedgerStores stores)
    {
        using var store = stores.Open();
        var contact = store.Crm.FindContact(new ContactId(id)) ?? throw NotFound(id);
        return TypedResults.Ok(CrmRequests.View(stores, store).Contact(contact));
    }

    private static Created<ContactDto> Create(ContactBody body, LedgerStores stores)
    {
        using var store = stores.Open();
        var (contact, outcome) = CrmRequests.Create(body.ContactId, NewIds.Contact, id => Validate(body.Fields(id), store), c => store.Crm.SaveContact(c, WriteMode.Create));
        Check(outcome, contact);
        return TypedResults.Created(CrmRequests.Location("contacts", contact.Id.Value), CrmRequests.View(stores, store).Contact(contact));
    }

    private static Ok<ContactDto> Replace(string id, ContactBody body, LedgerStores stores)
    {
        using var store = stores.Open();
        _ = store.Crm.FindContact(new ContactId(id)) ?? throw NotFound(id);
        if (!string.IsNullOrEmpty(body.ContactId) && body.ContactId != id)
        {
            throw CrmRequests.Unprocessable("contact_id", $"must match the id in the path ('{id}'), found '{body.ContactId}'");
        }

        var contact = Validate(body.Fields(id), store);
        Check(store.Crm.SaveContact(contact, WriteMode.Replace), contact);
        return TypedResults.Ok(CrmRequests.View(stores, store).Contact(contact));
    }

    private static NoContent Delete(string id, LedgerStores stores)
    {
        using var store = stores.Open();
        return store.Crm.DeleteContact(new ContactId(id)) == WriteOutcome.Done ? TypedResults.NoContent() : throw NotFound(id);
    }

    private static Contact Validate(ContactFields fields, ILedgerStore store)
    {
        var problems = new List<FieldProblem>();
        var contact = ContactRules.Validate(fields, id => CrmRequests.AccountKnown(store, id), problems);
        CrmRequests.ThrowIfAny(problems);
        return contact!;
    }

    private static void Check(WriteOutcome outcome, Contact contact)
    {
        switch (outcome)
        {
            case WriteOutcome.Done:
                return;
            case WriteOutcome.AlreadyExists:
                throw ApiException.Conflict("contact_id", $"a contact with id '{contact.Id}' already exists; PUT /api/contacts/{contact.Id} changes it");
            case WriteOutcome.NotFound:
                throw ApiException.NotFound("id", $"no contact with id '{contact.Id}'; POST /api/contacts creates one");
            case WriteOutcome.Conflict:
                throw ApiException.Conflict("email", $"another contact already has the e-mail address '{contact.Email}'");
            case WriteOutcome.UnknownCustomer:
                throw CrmRequests.Unprocessable("account_id", $"unknown account '{contact.AccountId}' (it was deleted meanwhile)");
            default:
                throw Customers.CustomersApi.Unexpected(outcome);
        }
    }

    private static ApiException NotFound(string id) => ApiException.NotFound("id", $"no contact with id '{id}'");
}
