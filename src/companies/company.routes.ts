import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import { matchEventRoutes } from '../matching/match-event.routes.ts';
import { authErrors, errorResponse, idParams } from '../shared/schemas.ts';
import type { Company, CompanyContact } from './company.repository.ts';
import {
  companyContactParams,
  companyDetailSchema,
  companyPage,
  companyNetworkRoles,
  companyQuery,
  companySchema,
  contactSchema,
  createCompanyBody,
  createContactBody,
  updateCompanyBody,
  updateContactBody,
} from './company.schemas.ts';
import {
  addContact,
  changeCompany,
  changeContact,
  type CompanyDetail,
  createCompany,
  findCompanies,
  readCompany,
  removeContact,
} from './company.service.ts';
import { meetingRoutes } from './meeting.routes.ts';

export const companyRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const config = { roles: companyNetworkRoles };
  const tags = ['companies'];

  app.get(
    '/companies',
    {
      config,
      schema: {
        operationId: 'listCompanies',
        summary: 'Find companies',
        tags,
        querystring: companyQuery,
        response: {
          200: companyPage.describe('A page of the companies found, with their contacts and youth placed.'),
          ...authErrors,
        },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const result = await findCompanies(deps, actorOf(request), request.query);
      return {
        items: result.items.map((c) => ({
          ...companyToResponse(c),
          contactCount: c.contactCount,
          placedCount: c.placedCount,
        })),
        total: result.total,
        page,
        pageSize,
      };
    },
  );

  app.post(
    '/companies',
    {
      config,
      schema: {
        operationId: 'createCompany',
        summary: 'Add a company to the network',
        description: 'The CVR number is validated (modulus 11) and unique in the municipality.',
        tags,
        body: createCompanyBody,
        response: {
          201: companySchema.describe('The company as created.'),
          ...authErrors,
          409: errorResponse.describe(
            'A company with this CVR number exists already (`conflict`, with `existingCompanyId`).',
          ),
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(companyToResponse(await createCompany(deps, actorOf(request), request.body))),
  );

  app.get(
    '/companies/:id',
    {
      config,
      schema: {
        operationId: 'getCompany',
        summary: 'Read a company',
        tags,
        params: idParams,
        response: {
          200: companyDetailSchema.describe('The company and its contact people.'),
          ...authErrors,
          404: errorResponse,
        },
      },
    },
    async (request) => detailToResponse(await readCompany(deps, actorOf(request), request.params.id)),
  );

  app.patch(
    '/companies/:id',
    {
      config,
      schema: {
        operationId: 'updateCompany',
        summary: 'Change a company',
        description: "Made against the company's `version`.",
        tags,
        params: idParams,
        body: updateCompanyBody,
        response: {
          200: companyDetailSchema.describe('The company as changed.'),
          ...authErrors,
          404: errorResponse,
          409: errorResponse,
        },
      },
    },
    async (request) => detailToResponse(await changeCompany(deps, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/companies/:id/contacts',
    {
      config,
      schema: {
        operationId: 'createCompanyContact',
        summary: 'Add a contact person to a company',
        tags,
        params: idParams,
        body: createContactBody,
        response: { 201: contactSchema.describe('The contact person as created.'), ...authErrors, 404: errorResponse },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(contactToResponse(await addContact(deps, actorOf(request), request.params.id, request.body))),
  );

  app.patch(
    '/companies/:id/contacts/:contactId',
    {
      config,
      schema: {
        operationId: 'updateCompanyContact',
        summary: 'Change a contact person',
        description: "Made against the contact's `version`.",
        tags,
        params: companyContactParams,
        body: updateContactBody,
        response: {
          200: contactSchema.describe('The contact person as changed.'),
          ...authErrors,
          404: errorResponse,
          409: errorResponse,
        },
      },
    },
    async (request) =>
      contactToResponse(
        await changeContact(deps, actorOf(request), request.params.id, request.params.contactId, request.body),
      ),
  );

  app.delete(
    '/companies/:id/contacts/:contactId',
    {
      config,
      schema: {
        operationId: 'removeCompanyContact',
        summary: 'Remove a contact person',
        description: 'The contact is kept for the placements that name them, but no longer listed.',
        tags,
        params: companyContactParams,
        response: { 204: z.null().describe('Removed.'), ...authErrors, 404: errorResponse, 409: errorResponse },
      },
    },
    async (request, reply) => {
      await removeContact(deps, actorOf(request), request.params.id, request.params.contactId);
      return reply.code(204).send(null);
    },
  );

  await app.register(meetingRoutes, { deps });
  await app.register(matchEventRoutes, { deps });
};

export function companyToResponse(company: Company) {
  return { ...company, createdAt: company.createdAt.toISOString(), updatedAt: company.updatedAt.toISOString() };
}

function contactToResponse(contact: CompanyContact) {
  const { active: _active, ...rest } = contact;
  return { ...rest, createdAt: contact.createdAt.toISOString(), updatedAt: contact.updatedAt.toISOString() };
}

function detailToResponse(detail: CompanyDetail) {
  return { ...companyToResponse(detail.company), contacts: detail.contacts.map(contactToResponse) };
}
