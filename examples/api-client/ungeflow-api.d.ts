/**
 * The types of the Ungeflow API, generated from its OpenAPI document by openapi-typescript.
 * Do not change by hand: run `npm run api:types`.
 */

export interface paths {
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Is the instance ready (as /health/ready) */
    get: operations['getHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Is the instance ready for traffic */
    get: operations['getReadiness'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Is the process alive */
    get: operations['getLiveness'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Log in
     * @description Checks the e-mail and password and sets the session cookie. Five wrong passwords in a row from one address lock the account for 15 minutes from that address; a locked account answers as a wrong password. Rate-limited per address.
     */
    post: operations['login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Log out
     * @description Ends the session. Called with a token, it ends nothing: revoke a token with DELETE /api/auth/tokens/{id}.
     */
    post: operations['logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who the caller is */
    get: operations['getCurrentUser'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Change own password
     * @description Replaces the caller's password (also a one-time one) given the current one; the caller's other sessions end. Rate-limited like the log-in.
     */
    post: operations['changeOwnPassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the caller's API tokens */
    get: operations['listApiTokens'];
    put?: never;
    /**
     * Create a personal API token
     * @description A token acts as its user, with their role, until it expires or is revoked. Send it as `Authorization: Bearer <token>`. It stops working when an administrator resets the password, changes the role or deactivates the user. Only a user logged in with a password creates tokens: called with a token, this answers 403.
     */
    post: operations['createApiToken'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/tokens/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke one of the caller's API tokens */
    delete: operations['revokeApiToken'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the users of the municipality */
    get: operations['listUsers'];
    put?: never;
    /**
     * Create a user
     * @description The password given is one-time: the new user must choose their own at the first log-in.
     */
    post: operations['createUser'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a user */
    get: operations['getUser'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a user
     * @description Name, role, active, a new one-time password, or `unlock` to lift a lockout; made against the user's `version`. An administrator cannot deactivate themself or change their own role.
     */
    patch: operations['updateUser'];
    trace?: never;
  };
  '/api/youth': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Find youth
     * @description By name or CPR number (`query`), a page at a time. To search by CPR number use POST /api/youth/search, which keeps the number out of the address.
     */
    get: operations['listYouth'];
    put?: never;
    /** Register a youth */
    post: operations['createYouth'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/youth/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Find youth, the search in the body
     * @description As GET /api/youth, with `query`, `page` and `pageSize` in the body, so a CPR number searched for stays out of the address and so out of proxies' and servers' logs. Use this one to search by CPR number.
     */
    post: operations['searchYouth'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/youth/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a youth
     * @description With `reveal=cpr` the whole CPR number is shown, and the reveal is written to the audit log.
     */
    get: operations['getYouth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a youth
     * @description Made against the youth's `version`; a stale one changes nothing.
     */
    patch: operations['updateYouth'];
    trace?: never;
  };
  '/api/youth/{id}/legal-hold': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Put a youth on legal hold
     * @description The retention job passes the youth by until the hold is lifted: their personal data is kept past the retention period. A leader only; the reason is required and logged.
     */
    post: operations['placeLegalHold'];
    /**
     * Lift a youth’s legal hold
     * @description The retention period applies again from the next nightly run. A leader only; logged.
     */
    delete: operations['liftLegalHold'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/youth/{id}/deletion': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Delete a youth registered by mistake
     * @description Deletes the youth and everything recorded about them, within 30 days of the registration or while no journey has gone beyond referral, and never while on legal hold. A leader only; the reason is required. The audit log keeps the deletion under a keyed hash of the youth’s id, never the name.
     */
    post: operations['deleteYouthRegisteredByMistake'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read the audit log
     * @description Newest first, filtered by user, youth, action and period (a plain date is a Danish calendar day; `to` includes its whole day). Reading the log is itself logged.
     */
    get: operations['listAuditEntries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The audit log as CSV for Excel
     * @description Every entry the filter finds (as GET /api/audit), at most 10000: a wider filter answers 400 and asks for a narrower one. Headings in Danish, or English with `lang=en`. CPR numbers never appear. Reading the log is itself logged.
     */
    get: operations['getAuditCsv'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read the municipality's settings */
    get: operations['getSettings'];
    /**
     * Change the municipality's settings
     * @description Made against the settings' `version`: each section given replaces that section; the others stay.
     */
    put: operations['updateSettings'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List failed or waiting webhook deliveries
     * @description The municipality's webhook deliveries that failed after their last attempt (`status=failed`) or are still waiting for one (`status=pending`).
     */
    get: operations['listWebhookDeliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/deliveries/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a failed webhook delivery again
     * @description The delivery is queued with all its attempts again and goes out within a minute. Audited.
     */
    post: operations['retryWebhookDelivery'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/rules/eligibility/evaluate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Preview the eligibility decision
     * @description Runs the eligibility rules of the day (`on`, today by default) with the municipality's age limits on the facts given, without touching a journey.
     */
    post: operations['evaluateEligibility'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/rules/visitation/suggest': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Preview the suggested visitation category
     * @description Runs the visitation rules of the day (`on`, today by default) on the answers given.
     */
    post: operations['suggestVisitationCategory'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/youth/{id}/journeys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List a youth's journeys */
    get: operations['listJourneysOfYouth'];
    put?: never;
    /**
     * Open a journey for a youth (the referral)
     * @description A youth has one open journey at a time. The journey starts in the stage `referred`.
     */
    post: operations['openJourney'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/journeys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Find journeys
     * @description By caseworker, stage, open or closed, group and period of first contact: the caseload views.
     */
    get: operations['listJourneys'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/journeys/{id}/caseworker': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Move a journey to another caseworker */
    put: operations['reassignJourney'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/journeys/reassign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Move several journeys to another caseworker at once
     * @description When a caseworker leaves: the journeys sent move from `fromCaseworkerId` to `toCaseworkerId` in one transaction, all or none. Each must still be open, the from-caseworker's and at the `version` sent. Each move is written to the audit log, with the batch it was part of; the open alerts follow the journeys.
     */
    post: operations['reassignJourneys'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/caseloads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Each caseworker's caseload size
     * @description The open journeys of every active caseworker, and of anyone else who still has open journeys (a caseworker who left), by name.
     */
    get: operations['listCaseloads'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/journeys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a journey
     * @description Its stage, context, events, rule decisions and open alerts, and the events the current stage accepts with the JSON schema of each payload.
     */
    get: operations['getJourney'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/journeys/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record an event on a journey
     * @description Moves the journey by one event of its statechart (the first conversation, the visitation decision, a group, a placement, a pause, the exit, a follow-up...), made against the journey's `expectedVersion`. A visitation decision is checked by the eligibility and visitation rules, whose decisions are stored.
     */
    post: operations['sendJourneyEvent'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List network groups */
    get: operations['listGroups'];
    put?: never;
    /**
     * Create a network group
     * @description Creates a network group and its meetings for the next 8 weeks.
     */
    post: operations['createGroup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a network group */
    get: operations['getGroup'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change or close a network group
     * @description Changes a group. A new weekday, time, duration or place moves the coming generated meetings; closing it (active false) removes its coming meetings and needs it to have no members.
     */
    patch: operations['updateGroup'];
    trace?: never;
  };
  '/api/groups/{id}/meetings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List a group's meetings */
    get: operations['listGroupMeetings'];
    put?: never;
    /**
     * Add a meeting to a group
     * @description A meeting outside the weekly schedule.
     */
    post: operations['createGroupMeeting'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups/{id}/meetings/generate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create the coming weeks' meetings of a group
     * @description Creates the weekly meetings of the group's schedule for the coming weeks, in Danish time. Running it again creates only what is missing.
     */
    post: operations['generateGroupMeetings'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/meetings/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a group meeting */
    get: operations['getGroupMeeting'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Move, cancel or reinstate a group meeting
     * @description Moves (startsAt, place), cancels or reinstates (status) a meeting, or changes its note.
     */
    patch: operations['updateGroupMeeting'];
    trace?: never;
  };
  '/api/meetings/{id}/check-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The meeting's check-in code, for the facilitator to show
     * @description From 15 minutes before the start to the end of the meeting, the short code the youth type (or scan) on their own side to check in, made the first time it is asked for; outside that window, or for a cancelled meeting, no code. A youth who checks in is recorded as present, checked in by the youth, which the attendance shows and the facilitator can correct.
     */
    get: operations['getMeetingCheckIn'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/meetings/{id}/attendance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Record the attendance at a group meeting
     * @description Records the attendance of the group at a meeting that has begun, all or nothing; replaces what was recorded before for the youth listed.
     */
    put: operations['recordGroupAttendance'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/meetings/{id}/notified-absences/{youthId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Record a youth's notified absence before a meeting
     * @description Afbud: the youth has said they cannot come to a meeting that has not begun. Recorded as `absent_with_notice` on its attendance, which taking the attendance later keeps or replaces.
     */
    put: operations['recordNotifiedAbsence'];
    post?: never;
    /** Take back a youth's notified absence before a meeting */
    delete: operations['withdrawNotifiedAbsence'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/companies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Find companies */
    get: operations['listCompanies'];
    put?: never;
    /**
     * Add a company to the network
     * @description The CVR number is validated (modulus 11) and unique in the municipality.
     */
    post: operations['createCompany'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/companies/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a company */
    get: operations['getCompany'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a company
     * @description Made against the company's `version`.
     */
    patch: operations['updateCompany'];
    trace?: never;
  };
  '/api/companies/{id}/contacts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a contact person to a company */
    post: operations['createCompanyContact'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/companies/{id}/contacts/{contactId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Remove a contact person
     * @description The contact is kept for the placements that name them, but no longer listed.
     */
    delete: operations['removeCompanyContact'];
    options?: never;
    head?: never;
    /**
     * Change a contact person
     * @description Made against the contact's `version`.
     */
    patch: operations['updateCompanyContact'];
    trace?: never;
  };
  '/api/company-meetings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List company network meetings */
    get: operations['listCompanyMeetings'];
    put?: never;
    /** Record a company network meeting */
    post: operations['createCompanyMeeting'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/company-meetings/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a company network meeting */
    get: operations['getCompanyMeeting'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/company-meetings/{id}/attendance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Set who attended a company network meeting
     * @description Replaces the attendees; made against the meeting's `version`.
     */
    put: operations['setCompanyMeetingAttendance'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/match-events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List match events */
    get: operations['listMatchEvents'];
    put?: never;
    /** Create a match event */
    post: operations['createMatchEvent'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/match-events/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a match event */
    get: operations['getMatchEvent'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/match-events/{id}/participants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Set the companies and youth of a match event
     * @description Made against the event's `version`.
     */
    put: operations['setMatchEventParticipants'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/match-events/{id}/wishes/{journeyId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Set a youth's wishes at a match event
     * @description The companies the youth would like, in order; made against the youth's `wishesVersion`.
     */
    put: operations['setMatchEventWishes'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/match-events/{id}/interests/{companyId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Set a company's interest at a match event
     * @description The youth the company is interested in; made against the company's `interestsVersion`.
     */
    put: operations['setMatchEventInterests'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/match-events/{id}/choices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Set several youth's wishes and several companies' interest at once
     * @description Each row is made against its own version (the youth's `wishesVersion`, the company's `interestsVersion`). All rows are saved in one transaction, or none: a 409 `version_conflict` lists in `conflicts` every row someone else changed meanwhile.
     */
    put: operations['setMatchEventChoices'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/match-events/{id}/matches': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The matches of a match event
     * @description Each wish and interest between a youth and a company, mutual interest first.
     */
    get: operations['listMatchEventMatches'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/journeys/{id}/placements/switch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Switch a youth to another company
     * @description Ends the current placement and starts the next in one step (PLACEMENT_ENDED, then PLACEMENT_STARTED, in one transaction), made against the journey's `expectedVersion`. If the new one is refused, the old one keeps running.
     */
    post: operations['switchPlacement'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/journeys/{id}/placements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List a journey's placements */
    get: operations['listPlacementsOfJourney'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/placements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Find placements */
    get: operations['listPlacements'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/placements/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a placement */
    get: operations['getPlacement'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change the terms of a placement
     * @description The planned end, the agreed hours a week or the contact person; made against the placement's `version`.
     */
    patch: operations['updatePlacement'];
    trace?: never;
  };
  '/api/placements/{id}/hours/{weekStart}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set the hours worked in one week */
    put: operations['setPlacementHours'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/journeys/{id}/hours-reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the weeks of hours the youth reported
     * @description The hours the youth reported on their own side, the latest week first, waiting for a caseworker (status reported) or decided. Reported hours count for the risk rules once confirmed.
     */
    get: operations['listHoursReportsOfJourney'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/hours-reports/{id}/confirmation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Confirm a week the youth reported, as reported or corrected
     * @description The hours become the placement's hours worked for the week, which the risk rules count. A report already decided is refused at hours (400); a stale version answers 409.
     */
    post: operations['confirmHoursReport'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/journeys/{id}/offers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a journey's offers
     * @description LAB offers and mentor grants, oldest first, ended ones too; internships and wage subsidies included.
     */
    get: operations['listOffersOfJourney'];
    put?: never;
    /**
     * Record an offer
     * @description Vejledning og opkvalificering (with its `subtype`), nytteindsats or a mentor grant (with `hoursPerWeek`). Internships and wage subsidies become offers when their placement starts.
     */
    post: operations['recordOffer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/offers/{id}/end': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * End an offer
     * @description Made against the offer's `version`. An offer that is a placement ends with the placement (PLACEMENT_ENDED).
     */
    post: operations['endOffer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/journeys/{id}/education-injunctions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List a journey's education injunctions */
    get: operations['listEducationInjunctions'];
    put?: never;
    /**
     * Give an education injunction
     * @description An education injunction under the rules in force until the 2027 act: only for a youth whose visitation found them education-ready or obviously education-ready, and one in force per journey.
     */
    post: operations['giveEducationInjunction'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/education-injunctions/{id}/end': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * End an education injunction
     * @description Made against the injunction's `version`.
     */
    post: operations['endEducationInjunction'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/journeys/{id}/activities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List a journey's activities */
    get: operations['listActivities'];
    put?: never;
    /**
     * Record a conversation or contact
     * @description A conversation, a mentor contact or another contact on an open journey.
     */
    post: operations['recordActivity'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/youth/{id}/appointments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List a youth's appointments */
    get: operations['listAppointmentsOfYouth'];
    put?: never;
    /**
     * Book an appointment with a youth
     * @description A conversation or another meeting in the youth's open journey, in person at a place, by phone or by video. Not in the past.
     */
    post: operations['bookAppointment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/appointments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List appointments by holder and period
     * @description A caseworker's own appointments; a leader may name a caseworker. From today on by default.
     */
    get: operations['listAppointments'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/appointments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read an appointment */
    get: operations['getAppointment'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Move, change or cancel an appointment
     * @description A held appointment cannot be changed. A stale `version` answers 409 and nothing is changed.
     */
    patch: operations['changeAppointment'];
    trace?: never;
  };
  '/api/appointments/{id}/hold': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record an appointment as held
     * @description In one step and one transaction: the conversation is recorded on the youth's journey (as the first conversation while the journey waits for it, otherwise as an individual conversation; another meeting as other contact), and the appointment is marked held.
     */
    post: operations['holdAppointment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/calendar-feed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read the address of my calendar feed
     * @description The secret address of an iCalendar feed of my appointments and the meetings of the groups I facilitate, for Outlook. Anyone with it can read the feed: it names youth by first name only.
     */
    get: operations['getCalendarFeed'];
    put?: never;
    /**
     * Make a new address for my calendar feed
     * @description The old address, if any, stops working at once.
     */
    post: operations['renewCalendarFeed'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/today': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The caseworker's day
     * @description What the caseworker's start page shows: today's group meetings and appointments, this week's deadlines (first conversation, return from pause, follow-up, plan review) and those passed, open alerts by urgency, and youth without contact for `contactDays` days. Audited as a list of the journeys shown.
     */
    get: operations['getToday'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/youth/{id}/notes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a youth's case notes
     * @description The latest day first, each with its earlier versions. The read is written to the audit log.
     */
    get: operations['listCaseNotes'];
    put?: never;
    /**
     * Write a case note on a youth
     * @description A dated note with its kind; the day defaults to today and cannot be in the future.
     */
    post: operations['writeCaseNote'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notes/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a case note
     * @description With every earlier version as it was written. The read is written to the audit log.
     */
    get: operations['getCaseNote'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Edit a case note
     * @description Made against the note's `version`. The words as they were are kept as an earlier version; nothing is overwritten, and a note is never deleted (forvaltningsloven § 13). Only the author and a leader may edit. An edit that changes nothing adds no version.
     */
    patch: operations['editCaseNote'];
    trace?: never;
  };
  '/api/journeys/{id}/progression': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a journey's progression */
    get: operations['getProgression'];
    put?: never;
    /**
     * Record a progression measurement
     * @description Scores of the progression factors (STAR: Den gode ungeindsats i jobcentrene (2017), s. 29), by the youth or the caseworker.
     */
    post: operations['recordProgression'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/journeys/{id}/self-ratings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read the youth's own ratings
     * @description What the youth rated on their own side: the four progression factors that are their own and their wellbeing and loneliness, 1-10. Kept apart from the progression measurements, which the key figures read.
     */
    get: operations['getSelfRatings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/journeys/{id}/self-rating-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ask the youth to rate themselves now
     * @description The youth sees "your caseworker asks you" on their side until they rate. Asking while a request is open answers the open one with 200.
     */
    post: operations['requestSelfRating'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/journeys/{id}/progression-sharing': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Share the caseworker's own assessments with the youth, or stop */
    put: operations['shareProgression'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/journeys/{id}/questionnaire-response': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read the preparation questionnaire as the youth filled it in
     * @description The ten questions (STAR: Den gode ungeindsats i jobcentrene (2017), s. 9) as the youth answered them on their own side before the visitation conversation. The visitation decision records, in `questionnaireFromYouth`, which of its answers are the youth's unchanged.
     */
    get: operations['getQuestionnaireResponse'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/follow-ups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the follow-ups due
     * @description Follow-ups not yet recorded, soonest due first: all of them, the overdue ones or the coming ones.
     */
    get: operations['listDueFollowUps'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/journeys/{id}/follow-ups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List a journey's follow-ups */
    get: operations['listFollowUpsOfJourney'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/alerts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List alerts
     * @description Unresolved alerts by default, newest first, with the counts by severity and status.
     */
    get: operations['listAlerts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/alerts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read an alert */
    get: operations['getAlert'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/risk/backtest': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Backtest the risk rules on past days
     * @description Runs the risk rules, with the municipality's thresholds and those in `set` on top, over each day of a period of at most 400 days, and counts the alerts they would have opened.
     */
    post: operations['backtestRiskRules'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/alerts/{id}/acknowledge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Acknowledge an alert
     * @description Says, with a note, that the alert has been seen and what is done about it.
     */
    post: operations['acknowledgeAlert'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/alerts/{id}/snooze': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Snooze an alert until a date
     * @description Until a day from tomorrow to 90 days ahead. An alert that went to the leader is the leader's to snooze.
     */
    post: operations['snoozeAlert'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/alerts/{id}/reassign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Assign an alert to another user
     * @description An alert that went to the leader is the leader's to reassign.
     */
    post: operations['reassignAlert'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/alerts/{id}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resolve an alert
     * @description With a note. An alert that went to the leader is the leader's to resolve.
     */
    post: operations['resolveAlert'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/journeys/{id}/plan-content': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read the plan's content
     * @description What the caseworker has written into the plan: goal, agreements, next steps, stabilisation, and the day the plan is next gone through with the youth.
     */
    get: operations['getPlanContent'];
    /**
     * Replace the plan's content
     * @description Replaces the plan's goal, agreements, next steps and stabilisation, made against the content's `version` (none the first time). `reviewOn` left out keeps the review day as it is.
     */
    put: operations['updatePlanContent'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/journeys/{id}/plan-data': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read what the plan prints now
     * @description The data of the plan from the journey and the plan content, before it is rendered.
     */
    get: operations['getPlanData'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/journeys/{id}/plan.pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The plan as it stands now, as a PDF
     * @description The plan "Min plan", rendered now from the journey and the plan content; not stored.
     */
    get: operations['renderPlan'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/journeys/{id}/plans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List a journey's stored plan versions */
    get: operations['listPlanVersions'];
    put?: never;
    /**
     * Store a version of the plan
     * @description Stores the plan as it stands now, so that the version handed out can be reproduced exactly.
     */
    post: operations['createPlanVersion'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/journeys/{id}/plans/diff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Compare two stored plan versions */
    get: operations['diffPlanVersions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{id}.pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A stored plan version, as a PDF
     * @description Made again from its stored data and texts. The ETag is the sha256 of the bytes sent; x-plan-identical says whether it equals the stored contentHash.
     */
    get: operations['renderPlanVersion'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/overview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The leader's key figures for a period
     * @description The figures of STAR: Den gode ungeindsats i jobcentrene (2017), s. 30-35, for a period: for the whole unit, or by caseworker or group.
     */
    get: operations['getOverview'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/overview.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The key figures as CSV for Excel
     * @description As GET /api/overview; `lang=en` gives English headings.
     */
    get: operations['getOverviewCsv'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/youth/{id}/access-export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Everything about a youth: the right of access (GDPR art. 15)
     * @description Everything Ungeflow holds about the youth: personal details, every journey with its events, the rules' decisions with their explanations, groups and attendance, contacts, placements and hours, offers, progression, the plan and its versions, follow-ups, alerts, case notes, appointments, and who has read or changed the data and when (from the audit log). A PDF in plain Danish or English for the youth, or JSON for a system. The youth's own CPR number is shown in full once; CPR-shaped numbers in free text are masked. Colleagues are named by role unless the municipality's setting `accessExport.colleagueNames` is on. The export is audited (`youth.access_exported`).
     */
    get: operations['getAccessExport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/evaluation-export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The randomised trial's data, pseudonymised
     * @description One row per journey drawn (randomised) in the period: the arm and its seed, the days of referral, visitation and exit, category and barriers, weeks in placement by kind, the exit outcome, the follow-up status at 3, 6 and 12 months, and the progression factors first and last. The youth is named by a pseudonym, a keyed hash of the CPR number that is the same in every export of the same evaluation in the municipality and different for another evaluation or municipality. No name, CPR number or free text. Leaders only; audited (`evaluation.exported`).
     */
    get: operations['getEvaluationExport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/youth/{id}/invitations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a youth a one-time link to the youth's own side
     * @description Sends the youth a link by SMS to their phone or by e-mail, which logs them in on the device that opens it. It works for 24 hours and once. The message holds the youth's first name and the link only. Audited.
     */
    post: operations['inviteYouth'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/my/devices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The devices the young person is logged in on (the youth's own route) */
    get: operations['listOwnDevices'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/my/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log the young person out on this device (the youth's own route) */
    post: operations['logOutYouth'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/my/devices/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log the young person out on every device (the youth's own route) */
    post: operations['logOutYouthEverywhere'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    AccessExport: {
      /** @constant */
      format: 'ungeflow-access-export';
      /** @constant */
      formatVersion: 1;
      /** Format: date-time */
      exportedAt: string;
      municipality: string;
      colleaguesNamed: boolean;
      youth: {
        /** Format: uuid */
        id: string;
        name: string;
        /** @description The youth's own CPR number, in full (DDMMYY-SSSS) */
        cpr: string;
        /** Format: date */
        birthDate: string;
      } & {
        [key: string]: unknown;
      };
      journeys: ({
        /** Format: uuid */
        id: string;
        /** @description Who: a role, with the name when the municipality names colleagues; null for Ungeflow itself */
        caseworker: {
          /** @enum {string} */
          role: 'caseworker' | 'leader' | 'admin';
          name?: string;
        } | null;
        /** @description The ratings the youth gave themselves on their own pages */
        ownRatings: ({
          /** Format: date */
          ratedOn: string;
          /** @constant */
          byYouth: true;
        } & {
          [key: string]: unknown;
        })[];
        /** @description The preparation questionnaire as the youth filled it in; null when they did not */
        questionnaire:
          | ({
              answers: {
                [key: string]: unknown;
              };
              /** @constant */
              byYouth: true;
            } & {
              [key: string]: unknown;
            })
          | null;
        /** @description Wishes at match events; `byYouth` when the youth chose it on their own side */
        matchWishes: ({
          /** Format: date */
          eventDate: string;
          rank: number;
          byYouth: boolean;
        } & {
          [key: string]: unknown;
        })[];
        /** @description Hours the youth reported themselves, and what the caseworker made of them */
        hoursReports: ({
          /** Format: date */
          weekStart: string;
          /** @enum {string} */
          status: 'reported' | 'confirmed' | 'corrected';
        } & {
          [key: string]: unknown;
        })[];
      } & {
        [key: string]: unknown;
      })[];
      caseNotes: ({
        /** @description Who: a role, with the name when the municipality names colleagues; null for Ungeflow itself */
        author: {
          /** @enum {string} */
          role: 'caseworker' | 'leader' | 'admin';
          name?: string;
        } | null;
      } & {
        [key: string]: unknown;
      })[];
      appointments: {
        [key: string]: unknown;
      }[];
      auditTrail: {
        /** Format: date-time */
        at: string;
        action: string;
        actionText: {
          da: string;
          en: string;
        };
        /** @description Who: a role, with the name when the municipality names colleagues; null for Ungeflow itself */
        by: {
          /** @enum {string} */
          role: 'caseworker' | 'leader' | 'admin';
          name?: string;
        } | null;
        /** @description The youth did it themselves on their own pages; `by` is then null */
        byYouth: boolean;
      }[];
      /** @description The devices the youth is logged in on now, on their own pages */
      youthDevices: {
        device: string;
        /** @enum {string} */
        method: 'link' | 'oidc';
        /** Format: date-time */
        loggedInAt: string;
        /** Format: date-time */
        lastUsedAt: string;
        /** Format: date-time */
        expiresAt: string;
      }[];
    } & {
      [key: string]: unknown;
    };
    Activity: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      journeyId: string;
      /** @enum {string} */
      kind: 'conversation' | 'mentor_contact' | 'other_contact';
      conversationKind: ('individual' | 'group') | null;
      /** @description How a conversation was held; null for other contact and for conversations recorded before it was asked */
      mode: ('in_person' | 'phone' | 'video') | null;
      jobConversation: boolean;
      /** Format: date-time */
      occurredAt: string;
      note: string | null;
      recordedBy: {
        /** Format: uuid */
        id: string;
        name: string;
      };
      /** Format: date-time */
      recordedAt: string;
    };
    Alert: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      journeyId: string;
      /** Format: uuid */
      youthId: string;
      code: string;
      /** @enum {string} */
      severity: 'info' | 'low' | 'medium' | 'high';
      /** @enum {string} */
      status: 'open' | 'acknowledged' | 'snoozed' | 'resolved';
      forLeader: boolean;
      assignedTo: string | null;
      /** Format: date-time */
      openedAt: string;
      escalatedAt: string | null;
      snoozedUntil: string | null;
      resolvedAt: string | null;
      message: {
        da: string;
        en: string;
      };
      source: string;
      conditions: {
        [key: string]: unknown;
      }[];
      facts: {
        [key: string]: unknown;
      };
      ruleSetVersion: string;
      version: number;
    };
    AlertNote: {
      version: number;
      note: string;
    };
    ApiToken: {
      /** Format: uuid */
      id: string;
      name: string;
      prefix: string;
      /** Format: date-time */
      createdAt: string;
      lastUsedAt: string | null;
      revokedAt: string | null;
      /**
       * Format: date-time
       * @description When the token stops working.
       */
      expiresAt: string;
    };
    Appointment: {
      /** Format: uuid */
      id: string;
      youth: {
        /** Format: uuid */
        id: string;
        name: string;
      };
      /** Format: uuid */
      journeyId: string;
      caseworker: {
        /** Format: uuid */
        id: string;
        name: string;
      };
      /** @enum {string} */
      kind: 'job_conversation' | 'conversation' | 'other_meeting';
      /** @enum {string} */
      mode: 'in_person' | 'phone' | 'video';
      /** Format: date-time */
      startsAt: string;
      durationMinutes: number;
      place: string | null;
      note: string | null;
      /** @enum {string} */
      status: 'planned' | 'held' | 'cancelled';
      /** @description When it was recorded as held */
      heldAt: string | null;
      /** @description The afbud the youth gave on their own side before it began, with their reason if any */
      notifiedAbsence: {
        /** Format: date-time */
        at: string;
        note: string | null;
      } | null;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    AuditEntry: {
      id: string;
      /** Format: date-time */
      occurredAt: string;
      userId: string | null;
      userName: string | null;
      /** @enum {string} */
      action:
        | 'auth.login_succeeded'
        | 'auth.login_failed'
        | 'auth.logout'
        | 'auth.token_created'
        | 'auth.token_revoked'
        | 'auth.password_changed'
        | 'auth.password_change_failed'
        | 'municipality.created'
        | 'user.created'
        | 'user.updated'
        | 'youth.created'
        | 'youth.read'
        | 'youth.searched'
        | 'youth.updated'
        | 'youth.cpr_revealed'
        | 'youth.access_exported'
        | 'youth.legal_hold_set'
        | 'youth.legal_hold_lifted'
        | 'youth.deleted'
        | 'youth.anonymised'
        | 'audit.read'
        | 'audit.pseudonymised'
        | 'settings.updated'
        | 'webhook.delivery_retried'
        | 'journey.opened'
        | 'journey.read'
        | 'journey.event_recorded'
        | 'journey.reassigned'
        | 'journey.listed'
        | 'group.created'
        | 'group.updated'
        | 'group.meetings_changed'
        | 'group.attendance_recorded'
        | 'group.absence_notified'
        | 'group.checked_in'
        | 'group.membership_changed'
        | 'company.created'
        | 'company.updated'
        | 'company.meeting_recorded'
        | 'match_event.created'
        | 'match_event.updated'
        | 'placement.updated'
        | 'placement.hours_logged'
        | 'placement.hours_reported'
        | 'placement.hours_confirmed'
        | 'offer.recorded'
        | 'offer.ended'
        | 'education_injunction.given'
        | 'education_injunction.ended'
        | 'activity.recorded'
        | 'progression.recorded'
        | 'follow_up.recorded'
        | 'alert.updated'
        | 'plan.content_changed'
        | 'plan.rendered'
        | 'plan.version_created'
        | 'appointment.booked'
        | 'appointment.changed'
        | 'appointment.held'
        | 'appointment.absence_notified'
        | 'calendar.feed_renewed'
        | 'calendar.feed_read'
        | 'case_note.written'
        | 'case_note.edited'
        | 'case_note.read'
        | 'evaluation.exported'
        | 'caseload.import_checked'
        | 'caseload.imported'
        | 'youth_login.invited'
        | 'youth_login.invitation_not_sent'
        | 'messages.read'
        | 'youth_login.login_succeeded'
        | 'youth_login.login_failed'
        | 'youth_login.logout'
        | 'youth_login.logout_everywhere'
        | 'progression.self_rated'
        | 'progression.self_rating_requested'
        | 'progression.sharing_changed'
        | 'questionnaire.submitted'
        | 'match_event.wishes_chosen'
        | 'youth_reminders.changed';
      youthId: string | null;
      youthName: string | null;
      details: {
        [key: string]: unknown;
      };
      ip: string | null;
      requestId: string | null;
    };
    CalendarFeed: {
      /** @description The secret address of the feed, to subscribe to in Outlook; null when there is none */
      url: string | null;
      createdAt: string | null;
    };
    CaseNote: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      youthId: string;
      /** Format: date */
      concernsOn: string;
      /** @enum {string} */
      kind: 'conversation' | 'phone' | 'email' | 'network_meeting' | 'assessment' | 'other';
      /** @description The current words. */
      text: string;
      /** @description Who wrote the first version. */
      author: {
        /** Format: uuid */
        id: string;
        name: string;
      };
      /** Format: date-time */
      createdAt: string;
      /** @description 1 for a note never edited; one more for every edit. */
      version: number;
      /** @description Who wrote the current version. */
      updatedBy: {
        /** Format: uuid */
        id: string;
        name: string;
      };
      /** Format: date-time */
      updatedAt: string;
      /** @description Every earlier version as it was written, the newest first; empty for a note never edited. */
      earlierVersions: components['schemas']['CaseNoteVersion'][];
    };
    CaseNoteVersion: {
      version: number;
      /** Format: date */
      concernsOn: string;
      /** @enum {string} */
      kind: 'conversation' | 'phone' | 'email' | 'network_meeting' | 'assessment' | 'other';
      text: string;
      writtenBy: {
        /** Format: uuid */
        id: string;
        name: string;
      };
      /** Format: date-time */
      writtenAt: string;
    };
    Caseload: {
      caseworker: {
        /** Format: uuid */
        id: string;
        name: string;
        active: boolean;
      };
      openJourneys: number;
    };
    Company: {
      /** Format: uuid */
      id: string;
      name: string;
      cvr: string;
      industry: string | null;
      /**
       * @description A private or a public employer; decides whether a wage subsidy there is a private or a public wage subsidy
       * @enum {string}
       */
      sector: 'private' | 'public';
      address: string | null;
      placementCapacity: number;
      active: boolean;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    CompanyContact: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      companyId: string;
      name: string;
      title: string | null;
      phone: string | null;
      email: string | null;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    CompanyDetail: {
      /** Format: uuid */
      id: string;
      name: string;
      cvr: string;
      industry: string | null;
      /**
       * @description A private or a public employer; decides whether a wage subsidy there is a private or a public wage subsidy
       * @enum {string}
       */
      sector: 'private' | 'public';
      address: string | null;
      placementCapacity: number;
      active: boolean;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      contacts: components['schemas']['CompanyContact'][];
    };
    CompanyListItem: {
      /** Format: uuid */
      id: string;
      name: string;
      cvr: string;
      industry: string | null;
      /**
       * @description A private or a public employer; decides whether a wage subsidy there is a private or a public wage subsidy
       * @enum {string}
       */
      sector: 'private' | 'public';
      address: string | null;
      placementCapacity: number;
      active: boolean;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** @description Current contact persons */
      contactCount: number;
      /** @description Youth placed at the company now (running placements), to set against placementCapacity */
      placedCount: number;
    };
    CompanyMeeting: {
      /** Format: uuid */
      id: string;
      /** Format: date */
      date: string;
      place: string;
      note: string | null;
      version: number;
      attendees: {
        /** Format: uuid */
        id: string;
        name: string;
      }[];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    CompanyMeetingListItem: {
      /** Format: uuid */
      id: string;
      /** Format: date */
      date: string;
      place: string;
      note: string | null;
      version: number;
      attendeeCount: number;
    };
    CurrentUser: {
      /** Format: uuid */
      id: string;
      name: string;
      email: string;
      /** @enum {string} */
      role: 'caseworker' | 'leader' | 'admin';
      /** Format: uuid */
      municipalityId: string;
      /** @description The password was set by someone else: every route but log-in, log-out, this one and POST /api/auth/password answers 403 password_change_required until the user chooses their own. */
      passwordMustChange: boolean;
    };
    Deadline: {
      /** @enum {string} */
      kind: 'first_conversation' | 'pause_return' | 'follow_up' | 'plan_review';
      /** Format: date */
      due: string;
      /** @description For a follow-up: 3, 6 or 12 months after exit */
      month: (3 | 6 | 12) | null;
    };
    DueFollowUp: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      journeyId: string;
      youth: {
        /** Format: uuid */
        id: string;
        name: string;
      };
      caseworker: {
        /** Format: uuid */
        id: string;
        name: string;
      };
      /** @enum {number} */
      month: 3 | 6 | 12;
      /** Format: date */
      dueOn: string;
      /** @description Days past the due date; 0 when not yet due */
      daysOverdue: number;
    };
    EducationInjunction: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      journeyId: string;
      /** Format: date */
      givenOn: string;
      goal: string;
      startBy: string | null;
      endedOn: string | null;
      inForce: boolean;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    /** @description Overrides of the eligibility rules' age limits; a limit left out keeps the rule file's value. */
    EligibilityLimits: {
      minAge?: number;
      maxAge?: number;
    };
    /** @description Every error answer has this shape; `error.code` tells what happened. */
    Error: {
      error: {
        /**
         * @description What went wrong, stable across languages and versions: branch on this.
         * @enum {string}
         */
        code:
          | 'validation_failed'
          | 'unauthenticated'
          | 'invalid_credentials'
          | 'forbidden'
          | 'password_change_required'
          | 'not_found'
          | 'conflict'
          | 'duplicate_cpr'
          | 'version_conflict'
          | 'event_not_accepted'
          | 'rate_limited'
          | 'link_invalid'
          | 'message_not_sent'
          | 'internal'
          | 'database_unavailable';
        /** @description A sentence for a person, in the user's language (Danish unless English). */
        message: string;
        /** @description Every bad field, on validation_failed. */
        details?: {
          /** @description The field, e.g. `cpr` or `questionnaire.wants_education`. */
          field: string;
          /** @description What is wrong with it, for a person. */
          message: string;
        }[];
      } & {
        [key: string]: unknown;
      };
    };
    EvaluationExport: {
      /** @constant */
      format: 'ungeflow-evaluation-export';
      /** @constant */
      formatVersion: 1;
      evaluation: string;
      /** Format: date */
      from: string;
      /** Format: date */
      to: string;
      /** Format: date-time */
      exportedAt: string;
      rows: components['schemas']['EvaluationRow'][];
    };
    EvaluationRow: {
      /** @description Keyed hash of the CPR number, per municipality and evaluation */
      pseudonym: string;
      /** @enum {string} */
      arm: 'treatment' | 'control';
      /** @description The seed the arm follows from (src/journeys/randomisation.ts) */
      seed: string;
      /** Format: date */
      referredOn: string;
      /** Format: date */
      visitationOn: string;
      category: string;
      barriers: string[];
      returning: boolean;
      stage: string;
      exitOn: string | null;
      exitOutcome: string | null;
      withdrawnOn: string | null;
      weeksInPlacement: {
        internship: number;
        paid_hours: number;
        wage_subsidy: number;
      };
      followUp: {
        month3: string | null;
        month6: string | null;
        month12: string | null;
      };
      progression: {
        firstOn: string | null;
        lastOn: string | null;
        first: {
          beliefInOwnAbilities: number | null;
          selfRatedHealth: number | null;
          network: number | null;
          meaningAndDirection: number | null;
          readiness: number | null;
        };
        last: {
          beliefInOwnAbilities: number | null;
          selfRatedHealth: number | null;
          network: number | null;
          meaningAndDirection: number | null;
          readiness: number | null;
        };
      };
    };
    FollowUp: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      journeyId: string;
      /** @enum {number} */
      month: 3 | 6 | 12;
      /** Format: date */
      dueOn: string;
      status: ('in_job' | 'in_education' | 'back_on_benefit' | 'unknown') | null;
      recordedAt: string | null;
      recordedBy: string | null;
    };
    Group: {
      /** Format: uuid */
      id: string;
      name: string;
      facilitator: {
        /** Format: uuid */
        id: string;
        name: string;
      };
      weekday: number;
      startTime: string;
      durationMinutes: number;
      place: string;
      capacity: number;
      active: boolean;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** @description Current members, alumni not counted */
      memberCount: number;
      alumniCount: number;
      members: {
        youth: {
          /** Format: uuid */
          id: string;
          name: string;
        };
        /** Format: uuid */
        journeyId: string;
        /** @enum {string} */
        role: 'member' | 'alumni';
        /** Format: date-time */
        joinedAt: string;
        stage: string;
        category: ('obviously_education_ready' | 'education_ready' | 'job_ready' | 'activity_ready') | null;
        barriers: (
          | 'academic'
          | 'social'
          | 'health'
          | 'mental_health'
          | 'substance_use'
          | 'housing'
          | 'debt'
          | 'criminal_record'
          | 'no_network'
          | 'other'
        )[];
        returning: boolean;
      }[];
      /** @description Current members (not alumni) per visitation category, per barrier, by how many barriers they have, and how many are returning: the group should be broadly composed (Rockwool Fonden: Hvad er NExTWORK? p. 8) */
      composition: {
        byCategory: {
          obviously_education_ready: number;
          education_ready: number;
          job_ready: number;
          activity_ready: number;
          undecided: number;
        };
        byBarrier: {
          academic: number;
          social: number;
          health: number;
          mental_health: number;
          substance_use: number;
          housing: number;
          debt: number;
          criminal_record: number;
          no_network: number;
          other: number;
        };
        byBarrierCount: {
          none: number;
          one: number;
          two: number;
          threeOrMore: number;
        };
        returning: number;
      };
      /** @description This Danish week's meetings, Monday to Sunday */
      thisWeek: components['schemas']['GroupMeeting'][];
      /** @description The next planned meeting that has not begun */
      nextMeeting: components['schemas']['GroupMeeting'] | null;
    };
    GroupListItem: {
      /** Format: uuid */
      id: string;
      name: string;
      facilitator: {
        /** Format: uuid */
        id: string;
        name: string;
      };
      weekday: number;
      startTime: string;
      durationMinutes: number;
      place: string;
      capacity: number;
      active: boolean;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** @description Current members, alumni not counted */
      memberCount: number;
      nextMeetingAt: string | null;
    };
    GroupMeeting: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      groupId: string;
      /** Format: date-time */
      startsAt: string;
      durationMinutes: number;
      place: string;
      /** @enum {string} */
      status: 'planned' | 'held' | 'cancelled';
      note: string | null;
      /** @description The weekly slot it was generated for; null when added by hand */
      scheduledAt: string | null;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    GroupMeetingDetail: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      groupId: string;
      /** Format: date-time */
      startsAt: string;
      durationMinutes: number;
      place: string;
      /** @enum {string} */
      status: 'planned' | 'held' | 'cancelled';
      note: string | null;
      /** @description The weekly slot it was generated for; null when added by hand */
      scheduledAt: string | null;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      group: {
        /** Format: uuid */
        id: string;
        name: string;
      };
      /** @description Everyone in the group at the meeting's time (for a coming meeting: the current members) */
      attendance: {
        youth: {
          /** Format: uuid */
          id: string;
          name: string;
        };
        /** Format: uuid */
        journeyId: string;
        /** @description Null for a youth recorded at the meeting whose membership was later dated not to include it */
        role: ('member' | 'alumni') | null;
        status: ('attended' | 'absent_with_notice' | 'absent') | null;
        note: string | null;
        /** @description The user who recorded it; null when nobody has, or the youth did */
        recordedBy: {
          /** Format: uuid */
          id: string;
          name: string;
        } | null;
        /** @description The youth recorded it on their own side: checked in, or reported afbud */
        recordedByYouth: boolean;
        recordedAt: string | null;
      }[];
    };
    Health: {
      /** @constant */
      status: 'ok';
    };
    HealthUnavailable: {
      /** @constant */
      status: 'unavailable';
      /** @enum {string} */
      database: 'unreachable' | 'reachable';
      /** @enum {string} */
      migrations: 'unknown' | 'pending' | 'current';
    };
    Journey: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      youthId: string;
      /** @enum {string} */
      stage:
        'referred' | 'visitation' | 'intake' | 'control' | 'redirected' | 'active' | 'paused' | 'followUp' | 'closed';
      open: boolean;
      returning: boolean;
      referral: {
        /** @enum {string} */
        source: 'jobcenter' | 'uu' | 'self' | 'other_unit';
        reason: string;
        /** Format: date-time */
        firstContactAt: string;
      };
      /** Format: uuid */
      caseworkerId: string;
      lastActivityAt: string | null;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      youth: {
        /** Format: uuid */
        id: string;
        name: string;
        cpr: string;
        /** Format: date */
        birthDate: string;
        age: number;
      };
      machineVersion: number;
      placement: ('exploring' | 'placed' | 'between') | null;
      context: {
        [key: string]: unknown;
      };
      acceptedEvents: {
        /** @enum {string} */
        type:
          | 'FIRST_CONVERSATION_HELD'
          | 'VISITATION_DECIDED'
          | 'GROUP_ASSIGNED'
          | 'PLACEMENT_STARTED'
          | 'PLACEMENT_ENDED'
          | 'PAUSED'
          | 'RESUMED'
          | 'EXITED'
          | 'FOLLOW_UP_RECORDED'
          | 'WITHDRAWN';
        schema: {
          [key: string]: unknown;
        };
      }[];
      events: {
        seq: number;
        /** @enum {string} */
        type:
          | 'FIRST_CONVERSATION_HELD'
          | 'VISITATION_DECIDED'
          | 'GROUP_ASSIGNED'
          | 'PLACEMENT_STARTED'
          | 'PLACEMENT_ENDED'
          | 'PAUSED'
          | 'RESUMED'
          | 'EXITED'
          | 'FOLLOW_UP_RECORDED'
          | 'WITHDRAWN';
        payload: {
          [key: string]: unknown;
        };
        /** Format: date-time */
        occurredAt: string;
        /** Format: date-time */
        recordedAt: string;
        /** Format: uuid */
        actorId: string;
      }[];
      /** @description `events` is a page of the history: older events are there with `eventsBefore` set to this */
      olderEventsBefore: number | null;
      decisions: components['schemas']['RuleDecision'][];
      alerts: components['schemas']['Alert'][];
    };
    JourneyEventAnswer: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      youthId: string;
      /** @enum {string} */
      stage:
        'referred' | 'visitation' | 'intake' | 'control' | 'redirected' | 'active' | 'paused' | 'followUp' | 'closed';
      open: boolean;
      returning: boolean;
      referral: {
        /** @enum {string} */
        source: 'jobcenter' | 'uu' | 'self' | 'other_unit';
        reason: string;
        /** Format: date-time */
        firstContactAt: string;
      };
      /** Format: uuid */
      caseworkerId: string;
      lastActivityAt: string | null;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      machineVersion: number;
      placement: ('exploring' | 'placed' | 'between') | null;
      context: {
        [key: string]: unknown;
      };
      /** @description The events the new stage takes (their schemas: the GET) */
      acceptedEvents: (
        | 'FIRST_CONVERSATION_HELD'
        | 'VISITATION_DECIDED'
        | 'GROUP_ASSIGNED'
        | 'PLACEMENT_STARTED'
        | 'PLACEMENT_ENDED'
        | 'PAUSED'
        | 'RESUMED'
        | 'EXITED'
        | 'FOLLOW_UP_RECORDED'
        | 'WITHDRAWN'
      )[];
      alerts: {
        opened: {
          /** Format: uuid */
          id: string;
          code: string;
          /** @enum {string} */
          severity: 'info' | 'low' | 'medium' | 'high';
          forLeader: boolean;
          message: {
            da: string;
            en: string;
          };
        }[];
        resolved: {
          /** Format: uuid */
          id: string;
          code: string;
        }[];
      };
    };
    JourneyListItem: {
      /** Format: uuid */
      id: string;
      youth: {
        /** Format: uuid */
        id: string;
        name: string;
        age: number;
      };
      /** @enum {string} */
      stage:
        'referred' | 'visitation' | 'intake' | 'control' | 'redirected' | 'active' | 'paused' | 'followUp' | 'closed';
      open: boolean;
      returning: boolean;
      caseworker: {
        /** Format: uuid */
        id: string;
        name: string;
      };
      /** Format: date-time */
      firstContactAt: string;
      lastActivityAt: string | null;
      daysSinceLastActivity: number | null;
      /** @description The next dated step: the first conversation (referred), the return from a pause (paused), the next 3/6/12-month follow-up (after exit), or the plan's review day, whichever comes first */
      nextDeadline: components['schemas']['Deadline'] | null;
      version: number;
    };
    JourneySummary: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      youthId: string;
      /** @enum {string} */
      stage:
        'referred' | 'visitation' | 'intake' | 'control' | 'redirected' | 'active' | 'paused' | 'followUp' | 'closed';
      open: boolean;
      returning: boolean;
      referral: {
        /** @enum {string} */
        source: 'jobcenter' | 'uu' | 'self' | 'other_unit';
        reason: string;
        /** Format: date-time */
        firstContactAt: string;
      };
      /** Format: uuid */
      caseworkerId: string;
      lastActivityAt: string | null;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    MatchEvent: {
      /** Format: uuid */
      id: string;
      /** Format: date */
      date: string;
      place: string;
      note: string | null;
      version: number;
      /** @description The day has come: taking part counts as activity */
      takenPlace: boolean;
      companies: {
        /** Format: uuid */
        id: string;
        name: string;
        /** @description Journey ids */
        interestedIn: string[];
        /** @description Send it back when changing the interest */
        interestsVersion: number;
      }[];
      youth: {
        /** Format: uuid */
        journeyId: string;
        /** Format: uuid */
        youthId: string;
        name: string;
        /** @description Company ids, first wish first */
        wishes: string[];
        /** @description The company ids among `wishes` that the youth chose themselves, on their own side */
        wishesByYouth: string[];
        /** @description Send it back when changing the wishes */
        wishesVersion: number;
      }[];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    MatchEventListItem: {
      /** Format: uuid */
      id: string;
      /** Format: date */
      date: string;
      place: string;
      note: string | null;
      version: number;
      companyCount: number;
      youthCount: number;
    };
    MatchList: {
      /** Format: uuid */
      matchEventId: string;
      /** Format: date */
      date: string;
      items: {
        /**
         * @description mutual first, then the youth wish only, then the company only
         * @enum {string}
         */
        kind: 'mutual' | 'youth_wish' | 'company_interest';
        youth: {
          /** Format: uuid */
          journeyId: string;
          /** Format: uuid */
          youthId: string;
          name: string;
        };
        company: {
          /** Format: uuid */
          id: string;
          name: string;
        };
        youthRank: number | null;
        /** @description The youth chose this wish themselves, on their own side before the event */
        wishedByYouth: boolean;
        companyInterested: boolean;
      }[];
    };
    MunicipalitySettings: {
      version: number;
      /** @default {} */
      eligibility: components['schemas']['EligibilityLimits'];
      /**
       * @default {
       *       "enabled": false,
       *       "controlShare": 0.5
       *     }
       */
      randomisation: {
        /** @default false */
        enabled: boolean;
        /** @default 0.5 */
        controlShare: number;
      };
      /** @default {} */
      risk: components['schemas']['RiskThresholds'];
      /** @default {} */
      lawSwitchDates: {
        [key: string]: string;
      };
      /**
       * @default {
       *       "colleagueNames": false
       *     }
       */
      accessExport: {
        /** @default false */
        colleagueNames: boolean;
      };
      /**
       * @default {
       *       "personalDataYears": 5,
       *       "auditYears": 5
       *     }
       */
      retention: {
        /** @default 5 */
        personalDataYears: number;
        /** @default 5 */
        auditYears: number;
      };
      /**
       * @default {
       *       "sessionDays": 30
       *     }
       */
      youthLogin: {
        /** @default 30 */
        sessionDays: number;
      };
      webhook: {
        url: string | null;
        secretSet: boolean;
      };
    };
    Offer: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      journeyId: string;
      /** @enum {string} */
      kind:
        | 'internship'
        | 'wage_subsidy_private'
        | 'wage_subsidy_public'
        | 'guidance_upskilling'
        | 'utility_work'
        | 'mentor';
      subtype: ('ordinary_education' | 'special_course' | 'bridge_building' | 'reading_writing_maths') | null;
      /** @description The placement the offer is, for internships and wage subsidies */
      placementId: string | null;
      provider: string | null;
      /** Format: date */
      startDate: string;
      plannedEnd: string | null;
      endedOn: string | null;
      endCause: ('completed' | 'stopped' | 'withdrawn') | null;
      hoursPerWeek: number | null;
      note: string | null;
      /** @description Not ended yet */
      active: boolean;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    OverviewKeyFigures: {
      /** @description Journeys on benefit on at least one day of the period, and their days on benefit in it */
      population: {
        persons: number;
        daysOnBenefit: number;
      };
      /** @description Passivandel: of the population, those without an active LAB offer in the period */
      passive: components['schemas']['OverviewShare'];
      /** @description Aktiveringsgrad: days in active LAB offers out of days on benefit in the period, summed over the population */
      activationRate: components['schemas']['OverviewShare'];
      /** @description Of the population, those with a mentor grant in the period */
      mentor: components['schemas']['OverviewShare'];
      /** @description Of the population, those in an internship or a wage subsidy in the period (STAR follows it for the activity-ready) */
      companyBased: components['schemas']['OverviewShare'];
      /** @description Of the population, those who exited to education in the period */
      startedEducation: components['schemas']['OverviewShare'];
      /** @description The population by the length of the journey's time on benefit at its last day on benefit in the period */
      timeOnBenefit: {
        total: number;
        counts: {
          weeks0to4: number;
          weeks5to8: number;
          weeks9to13: number;
          weeks14to26: number;
          weeks27to39: number;
          weeks40to52: number;
          years1to2: number;
          years2to3: number;
          over3Years: number;
        };
      };
    };
    OverviewShare: {
      numerator: number;
      denominator: number;
      percent: number | null;
    };
    Placement: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      journeyId: string;
      youth: {
        /** Format: uuid */
        id: string;
        name: string;
      };
      company: {
        /** Format: uuid */
        id: string;
        name: string;
      };
      /** @enum {string} */
      kind: 'internship' | 'paid_hours' | 'wage_subsidy';
      /** Format: date */
      startDate: string;
      plannedEnd: string | null;
      hoursPerWeek: number;
      contactId: string | null;
      /** @description The youth chose the company themself */
      chosenByYouth: boolean;
      active: boolean;
      endedAt: string | null;
      endReason: string | null;
      endCause: ('ended' | 'exited' | 'withdrawn') | null;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    PlacementDetail: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      journeyId: string;
      youth: {
        /** Format: uuid */
        id: string;
        name: string;
      };
      company: {
        /** Format: uuid */
        id: string;
        name: string;
      };
      /** @enum {string} */
      kind: 'internship' | 'paid_hours' | 'wage_subsidy';
      /** Format: date */
      startDate: string;
      plannedEnd: string | null;
      hoursPerWeek: number;
      contactId: string | null;
      /** @description The youth chose the company themself */
      chosenByYouth: boolean;
      active: boolean;
      endedAt: string | null;
      endReason: string | null;
      endCause: ('ended' | 'exited' | 'withdrawn') | null;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      weeks: {
        /** Format: date */
        weekStart: string;
        hours: number;
        /** Format: uuid */
        recordedBy: string;
        /** Format: date-time */
        recordedAt: string;
      }[];
      totalHours: number;
    };
    PlanContent: {
      /** Format: uuid */
      journeyId: string;
      goal: string | null;
      agreements: string[];
      nextSteps: {
        what: string;
        when: string | null;
        who: string | null;
      }[];
      stabilisation: string[];
      /** @description The day the plan is next gone through with the youth */
      reviewOn: string | null;
      /** @description Null until the content is first saved */
      version: number | null;
      updatedBy: {
        /** Format: uuid */
        id: string;
        name: string;
      } | null;
      updatedAt: string | null;
    };
    PlanData: {
      madeOn: string;
      municipality: {
        name: string;
        logo?: string | null;
      };
      youth?: {
        name?: string | null;
        birthDate?: string | null;
      } | null;
      goal?: string | null;
      category?: ('obviously_education_ready' | 'education_ready' | 'job_ready' | 'activity_ready') | null;
      status?: string | null;
      networkGroup?: {
        name?: string | null;
        weekday?: number | null;
        startTime?: string | null;
        place?: string | null;
        facilitatorName?: string | null;
      } | null;
      withoutGroup?: string | null;
      placement?: {
        kind?: ('internship' | 'paid_hours' | 'wage_subsidy') | null;
        companyName?: string | null;
        address?: string | null;
        hoursPerWeek?: number | null;
        startDate?: string | null;
        contactPerson?: {
          name?: string | null;
          phone?: string | null;
        } | null;
      } | null;
      offers?:
        | {
            /** @enum {string} */
            kind:
              | 'internship'
              | 'wage_subsidy_private'
              | 'wage_subsidy_public'
              | 'guidance_upskilling'
              | 'utility_work'
              | 'mentor';
            subtype?: ('ordinary_education' | 'special_course' | 'bridge_building' | 'reading_writing_maths') | null;
            provider?: string | null;
            startDate: string;
            plannedEnd?: string | null;
            hoursPerWeek?: number | null;
          }[]
        | null;
      educationInjunction?: {
        givenOn: string;
        goal: string;
        startBy?: string | null;
      } | null;
      withoutPlacement?: string | null;
      nextSteps?:
        | {
            what: string;
            when?: string | null;
            who?: string | null;
          }[]
        | null;
      reviewOn?: string | null;
      contactPerson?: {
        name?: string | null;
        phone?: string | null;
        email?: string | null;
      } | null;
      progression?: {
        belief_in_own_abilities?: {
          first?: number | null;
          latest?: number | null;
        } | null;
        self_rated_health?: {
          first?: number | null;
          latest?: number | null;
        } | null;
        network?: {
          first?: number | null;
          latest?: number | null;
        } | null;
        meaning_and_direction?: {
          first?: number | null;
          latest?: number | null;
        } | null;
        readiness_assessment?: {
          first?: number | null;
          latest?: number | null;
        } | null;
      } | null;
      agreements?: string[] | null;
      stabilisation?: string[] | null;
    };
    PlanDiff: {
      from: components['schemas']['PlanVersion'];
      to: components['schemas']['PlanVersion'];
      changes: {
        /** @description A stable name of the part of the plan, e.g. 'placement.company' */
        field: string;
        /** @description The same in words */
        label: string;
        from: string | null;
        to: string | null;
      }[];
    };
    PlanVersion: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      journeyId: string;
      /** @description 1, 2, 3 ... per journey */
      number: number;
      /** @enum {string} */
      lang: 'da' | 'en';
      templateVersion: string;
      /** @description sha256 of the PDF, hex */
      contentHash: string;
      createdBy: {
        /** Format: uuid */
        id: string;
        name: string;
      };
      /** Format: date-time */
      createdAt: string;
    };
    Progression: {
      measurements: components['schemas']['ProgressionMeasurement'][];
      factors: {
        /** @enum {string} */
        factor: 'beliefInOwnAbilities' | 'selfRatedHealth' | 'network' | 'meaningAndDirection' | 'readiness';
        label: {
          da: string;
          en: string;
        };
        first: {
          score: number;
          /** Format: date */
          measuredOn: string;
          /** @enum {string} */
          assessedBy: 'youth' | 'caseworker';
        } | null;
        latest: {
          score: number;
          /** Format: date */
          measuredOn: string;
          /** @enum {string} */
          assessedBy: 'youth' | 'caseworker';
        } | null;
        change: number | null;
      }[];
    };
    ProgressionMeasurement: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      journeyId: string;
      /** Format: date */
      measuredOn: string;
      /** @enum {string} */
      assessedBy: 'youth' | 'caseworker';
      scores: {
        beliefInOwnAbilities: number | null;
        selfRatedHealth: number | null;
        network: number | null;
        meaningAndDirection: number | null;
        readiness: number | null;
      };
      recordedBy: {
        /** Format: uuid */
        id: string;
        name: string;
      };
      /** Format: date-time */
      recordedAt: string;
    };
    QuestionnaireResponse: {
      /** @description Null when the youth has not filled it in */
      response: {
        /** @description By question code; a question the youth skipped is absent */
        answers: {
          /** @enum {string} */
          highest_education?: 'none' | 'primary_school' | 'upper_secondary' | 'vocational' | 'higher';
          /** @enum {string} */
          wants_education?: 'yes' | 'no' | 'unsure';
          /** @enum {string} */
          liked_school?: 'yes' | 'partly' | 'no';
          education_importance?: number;
          /** @enum {string} */
          six_month_outlook?: 'in_education' | 'in_work' | 'on_benefit' | 'other' | 'unsure';
          /** @enum {string} */
          education_choice_difficult?: 'yes' | 'partly' | 'no';
          advice_sources?: (
            'parents' | 'other_family' | 'friends' | 'teacher_or_counsellor' | 'jobcentre' | 'other' | 'nobody'
          )[];
          completion_obstacles?: (
            | 'academic'
            | 'social'
            | 'health'
            | 'mental_health'
            | 'substance_use'
            | 'housing'
            | 'debt'
            | 'criminal_record'
            | 'no_network'
            | 'other'
          )[];
          previous_dropout?:
            | {
                /** @constant */
                droppedOut: false;
              }
            | {
                /** @constant */
                droppedOut: true;
                /** @enum {string} */
                mainReason:
                  | 'wrong_choice'
                  | 'academic'
                  | 'social'
                  | 'health'
                  | 'no_apprenticeship'
                  | 'financial'
                  | 'got_work'
                  | 'other';
              };
          primary_school_grade_average?: number | 'unknown';
        };
        /** Format: date-time */
        submittedAt: string;
        version: number;
      } | null;
    };
    /** @description Overrides of the risk rules' thresholds; a threshold left out keeps the rule file's value. */
    RiskThresholds: {
      firstConversationDays?: number;
      conversationsRequired?: number;
      conversationsPeriodDays?: number;
      offerDays?: number;
      missedMeetingsLimit?: number;
      passiveDays?: number;
      passiveLongDays?: number;
      betweenPlacementsDays?: number;
      noPlacementDays?: number;
      lowHoursWeeks?: number;
      pauseOverdueDays?: number;
      progressionDays?: number;
      followUpOverdueDays?: number;
    };
    RuleDecision: {
      ruleSet: string;
      ruleSetVersion: string;
      eventSeq: number;
      outcome: string;
      explanation: {
        da: string;
        en: string;
      };
      recommendation?: {
        da: string;
        en: string;
        code: string;
      };
      reasons?: {
        da: string;
        en: string;
        code: string;
      }[];
      facts: {
        [key: string]: unknown;
      };
      conditions: {
        [key: string]: unknown;
      }[];
      /** Format: date-time */
      decidedAt: string;
    };
    SelfRating: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      journeyId: string;
      /** Format: date */
      ratedOn: string;
      /** Format: date-time */
      ratedAt: string;
      /** @description The caseworker's request it answered, if any */
      requestId: string | null;
      /** @description 1-10, or null where the youth skipped the question */
      scores: {
        beliefInOwnAbilities: number | null;
        selfRatedHealth: number | null;
        network: number | null;
        meaningAndDirection: number | null;
        wellbeing: number | null;
        /** @description 1 not lonely at all, 10 very lonely: lower is better */
        loneliness: number | null;
      };
    };
    SelfRatingRequest: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      journeyId: string;
      requestedBy: {
        /** Format: uuid */
        id: string;
        name: string;
      };
      /** Format: date-time */
      requestedAt: string;
    };
    SelfRatings: {
      /** @description The youth's own ratings, oldest first */
      ratings: components['schemas']['SelfRating'][];
      /** @description A request the youth has not answered yet */
      openRequest: components['schemas']['SelfRatingRequest'] | null;
      /** @description The youth sees the caseworker's own assessments beside their ratings */
      shared: boolean;
    };
    Today: {
      /**
       * Format: date
       * @description Today, as a Danish calendar day
       */
      day: string;
      /** @description Today's meetings of the groups the caseworker facilitates */
      meetings: {
        /** Format: uuid */
        id: string;
        /** Format: uuid */
        groupId: string;
        /** Format: date-time */
        startsAt: string;
        durationMinutes: number;
        place: string;
        /** @enum {string} */
        status: 'planned' | 'held' | 'cancelled';
        note: string | null;
        /** @description The weekly slot it was generated for; null when added by hand */
        scheduledAt: string | null;
        version: number;
        /** Format: date-time */
        createdAt: string;
        /** Format: date-time */
        updatedAt: string;
        groupName: string;
      }[];
      /** @description The caseworker's appointments today, planned or held */
      appointments: components['schemas']['Appointment'][];
      /** @description The caseworker's youth's next deadlines that fall this week or have passed, earliest first */
      deadlines: {
        /** @enum {string} */
        kind: 'first_conversation' | 'pause_return' | 'follow_up' | 'plan_review';
        /** Format: date */
        due: string;
        /** @description For a follow-up: 3, 6 or 12 months after exit */
        month: (3 | 6 | 12) | null;
        /** Format: uuid */
        journeyId: string;
        youth: {
          /** Format: uuid */
          id: string;
          name: string;
        };
        /** @description The day has passed */
        overdue: boolean;
      }[];
      /** @description Open alerts assigned to the caseworker, most urgent first */
      alerts: {
        /** Format: uuid */
        id: string;
        /** Format: uuid */
        journeyId: string;
        /** Format: uuid */
        youthId: string;
        code: string;
        /** @enum {string} */
        severity: 'info' | 'low' | 'medium' | 'high';
        /** @enum {string} */
        status: 'open' | 'acknowledged' | 'snoozed' | 'resolved';
        forLeader: boolean;
        assignedTo: string | null;
        /** Format: date-time */
        openedAt: string;
        escalatedAt: string | null;
        snoozedUntil: string | null;
        resolvedAt: string | null;
        message: {
          da: string;
          en: string;
        };
        source: string;
        conditions: {
          [key: string]: unknown;
        }[];
        facts: {
          [key: string]: unknown;
        };
        ruleSetVersion: string;
        version: number;
        youthName: string;
        /** Format: uuid */
        caseworkerId: string;
      }[];
      /** @description Open journeys whose youth the caseworker has had no contact with for `contactDays` days */
      withoutContact: {
        /** Format: uuid */
        journeyId: string;
        youth: {
          /** Format: uuid */
          id: string;
          name: string;
        };
        stage: string;
        /** Format: date-time */
        lastContactAt: string;
      }[];
      contactDays: number;
    };
    User: {
      /** Format: uuid */
      id: string;
      email: string;
      name: string;
      /** @enum {string} */
      role: 'caseworker' | 'leader' | 'admin';
      /** @description Written '12 34 56 78'; null when none is given */
      phone: string | null;
      active: boolean;
      lockedUntil: string | null;
      /** @description The user still has a password set by an administrator (one-time). */
      passwordMustChange: boolean;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    WebhookDelivery: {
      id: string;
      /** Format: uuid */
      alertId: string;
      alertCode: string;
      attempts: number;
      /** @description The status code (HTTP 500) or network error of the last attempt */
      lastError: string | null;
      /** Format: date-time */
      nextAttemptAt: string;
      /** @description When the last attempt failed; null while it is still tried */
      failedAt: string | null;
    };
    Youth: {
      /** Format: uuid */
      id: string;
      name: string;
      /** @description Masked (DDMMYY-XXXX) unless revealed with ?reveal=cpr. */
      cpr: string;
      /** Format: date */
      birthDate: string;
      age: number;
      phone: string | null;
      email: string | null;
      address: string | null;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    YouthDevice: {
      /** @description Browser and system ("Chrome, Android"); empty when not recognised. */
      device: string;
      /**
       * @description How the youth logged in on it: a one-time link or MitID.
       * @enum {string}
       */
      method: 'link' | 'oidc';
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      lastUsedAt: string;
      /** Format: date-time */
      expiresAt: string;
      /** @description The device this request came from. */
      current: boolean;
    };
    YouthInvitation: {
      /** @enum {string} */
      channel: 'sms' | 'email';
      /** @description The phone number or e-mail address the link was sent to. */
      to: string;
      /**
       * Format: date-time
       * @description When the link stops working, if not used before.
       */
      expiresAt: string;
    };
  };
  responses: {
    /** @description The request is invalid (`validation_failed`); `error.details` names every bad field. */
    BadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description Not logged in: no session or token, or it has expired or been revoked (`unauthenticated`). */
    Unauthenticated: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The caller's role may not do this (`forbidden`), or the caller must first replace a one-time password (`password_change_required`). */
    Forbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description Not found, or not in the caller's municipality (`not_found`). */
    NotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description Changed by someone else meanwhile: the version sent is stale (`version_conflict`, with the current version); or it conflicts with existing data (`conflict`, `duplicate_cpr`). Nothing was changed. */
    Conflict: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description Too many attempts (`rate_limited`); try again after the seconds of Retry-After. */
    TooManyRequests: {
      headers: {
        /** @description Seconds to wait before trying again. */
        'Retry-After'?: number;
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description Something failed on the server (`internal`); the answer carries the `requestId` to quote. */
    InternalError: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The database is out of reach (`database_unavailable`); try again after the seconds of Retry-After. */
    Unavailable: {
      headers: {
        /** @description Seconds to wait before trying again. */
        'Retry-After'?: number;
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
  };
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The database answers and its migrations are current: send traffic. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Health'];
        };
      };
      /** @description Not ready: the database is out of reach or its migrations are not current. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthUnavailable'];
        };
      };
    };
  };
  getReadiness: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The database answers and its migrations are current: send traffic. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Health'];
        };
      };
      /** @description Not ready: the database is out of reach or its migrations are not current. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthUnavailable'];
        };
      };
    };
  };
  getLiveness: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The process answers. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Health'];
        };
      };
    };
  };
  login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          email: string;
          password: string;
        };
      };
    };
    responses: {
      /** @description Logged in: the user, and when the session ends. The cookie is set. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            user: components['schemas']['CurrentUser'];
            /** Format: date-time */
            expiresAt: string;
          };
        };
      };
      400: components['responses']['BadRequest'];
      /** @description Wrong e-mail or password, the user is deactivated, or the account is locked from this address after too many wrong passwords (`invalid_credentials`, the same answer for each). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Logged out; the session cookie is cleared. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getCurrentUser: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The logged-in user, and whether they must choose their own password first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CurrentUser'];
        };
      };
      401: components['responses']['Unauthenticated'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  changeOwnPassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          currentPassword: string;
          /** @description At least 12 characters, and not the current password. */
          newPassword: string;
        };
      };
    };
    responses: {
      /** @description Changed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The current password is wrong, or the new one is too short or the same (`validation_failed`, with the field). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthenticated'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  listApiTokens: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The caller's tokens, revoked ones too, without the token itself. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['ApiToken'][];
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  createApiToken: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          /** @description Days until the token stops working: 90 when left out, at most 365. */
          expiresInDays?: number;
        };
      };
    };
    responses: {
      /** @description The new token; the token itself is shown only in this answer. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            name: string;
            prefix: string;
            /** Format: date-time */
            createdAt: string;
            lastUsedAt: string | null;
            revokedAt: string | null;
            /**
             * Format: date-time
             * @description When the token stops working.
             */
            expiresAt: string;
            /** @description Shown only this once; store it safely. */
            token: string;
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  revokeApiToken: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  listUsers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every user of the caller's municipality. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['User'][];
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  createUser: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: email */
          email: string;
          name: string;
          /** @enum {string} */
          role: 'caseworker' | 'leader' | 'admin';
          /** @description A Danish phone number, 8 digits, optionally with +45; printed on the plans of the youth the user is contact person for */
          phone?: string | null;
          /** @description One-time: the user chooses their own at the first log-in. */
          password: string;
        };
      };
    };
    responses: {
      /** @description The user as created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['User'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      /** @description A user with this e-mail exists (`conflict`). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The user. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['User'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  updateUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The version the change was made against (optimistic concurrency). */
          version: number;
          name?: string;
          /** @enum {string} */
          role?: 'caseworker' | 'leader' | 'admin';
          /** @description A Danish phone number, 8 digits, optionally with +45; printed on the plans of the youth the user is contact person for */
          phone?: string | null;
          active?: boolean;
          /** @description One-time when given for another user: they choose their own at the next log-in. */
          password?: string;
          /**
           * @description Lifts a lockout after failed logins.
           * @enum {boolean}
           */
          unlock?: true;
        };
      };
    };
    responses: {
      /** @description The user as changed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['User'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  listYouth: {
    parameters: {
      query?: {
        query?: string;
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the youth found, CPR numbers masked. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Youth'][];
            total: number;
            page: number;
            pageSize: number;
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  createYouth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          cpr: string;
          phone?: (string | '') | null;
          email?: (string | '') | null;
          address?: string | null;
        };
      };
    };
    responses: {
      /** @description The youth as registered, with the CPR number masked. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Youth'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      /** @description A youth with this CPR number is registered already (`duplicate_cpr`, with `existingYouthId`). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  searchYouth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          query?: string;
          /** @default 1 */
          page?: number;
          /** @default 25 */
          pageSize?: number;
        };
      };
    };
    responses: {
      /** @description A page of the youth found, CPR numbers masked. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Youth'][];
            total: number;
            page: number;
            pageSize: number;
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getYouth: {
    parameters: {
      query?: {
        reveal?: 'cpr';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The youth, the CPR number masked unless revealed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Youth'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  updateYouth: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The version the change was made against (optimistic concurrency). */
          version: number;
          name?: string;
          cpr?: string;
          phone?: (string | '') | null;
          email?: (string | '') | null;
          address?: string | null;
        };
      };
    };
    responses: {
      /** @description The youth as changed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Youth'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      /** @description Changed by someone else meanwhile (`version_conflict`, with `currentVersion`), or the new CPR number is another youth's (`duplicate_cpr`). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  placeLegalHold: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Why; written to the audit log */
          reason: string;
        };
      };
    };
    responses: {
      /** @description On legal hold. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      /** @description No such youth in the municipality. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The youth is anonymised already. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  liftLegalHold: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Lifted (or there was none). */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      /** @description No such youth in the municipality. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  deleteYouthRegisteredByMistake: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Why; written to the audit log */
          reason: string;
        };
      };
    };
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      /** @description No such youth in the municipality. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The youth cannot be deleted as registered by mistake (the reason is in the field errors). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  listAuditEntries: {
    parameters: {
      query?: {
        userId?: string;
        youthId?: string;
        action?:
          | 'auth.login_succeeded'
          | 'auth.login_failed'
          | 'auth.logout'
          | 'auth.token_created'
          | 'auth.token_revoked'
          | 'auth.password_changed'
          | 'auth.password_change_failed'
          | 'municipality.created'
          | 'user.created'
          | 'user.updated'
          | 'youth.created'
          | 'youth.read'
          | 'youth.searched'
          | 'youth.updated'
          | 'youth.cpr_revealed'
          | 'youth.access_exported'
          | 'youth.legal_hold_set'
          | 'youth.legal_hold_lifted'
          | 'youth.deleted'
          | 'youth.anonymised'
          | 'audit.read'
          | 'audit.pseudonymised'
          | 'settings.updated'
          | 'webhook.delivery_retried'
          | 'journey.opened'
          | 'journey.read'
          | 'journey.event_recorded'
          | 'journey.reassigned'
          | 'journey.listed'
          | 'group.created'
          | 'group.updated'
          | 'group.meetings_changed'
          | 'group.attendance_recorded'
          | 'group.absence_notified'
          | 'group.checked_in'
          | 'group.membership_changed'
          | 'company.created'
          | 'company.updated'
          | 'company.meeting_recorded'
          | 'match_event.created'
          | 'match_event.updated'
          | 'placement.updated'
          | 'placement.hours_logged'
          | 'placement.hours_reported'
          | 'placement.hours_confirmed'
          | 'offer.recorded'
          | 'offer.ended'
          | 'education_injunction.given'
          | 'education_injunction.ended'
          | 'activity.recorded'
          | 'progression.recorded'
          | 'follow_up.recorded'
          | 'alert.updated'
          | 'plan.content_changed'
          | 'plan.rendered'
          | 'plan.version_created'
          | 'appointment.booked'
          | 'appointment.changed'
          | 'appointment.held'
          | 'appointment.absence_notified'
          | 'calendar.feed_renewed'
          | 'calendar.feed_read'
          | 'case_note.written'
          | 'case_note.edited'
          | 'case_note.read'
          | 'evaluation.exported'
          | 'caseload.import_checked'
          | 'caseload.imported'
          | 'youth_login.invited'
          | 'youth_login.invitation_not_sent'
          | 'messages.read'
          | 'youth_login.login_succeeded'
          | 'youth_login.login_failed'
          | 'youth_login.logout'
          | 'youth_login.logout_everywhere'
          | 'progression.self_rated'
          | 'progression.self_rating_requested'
          | 'progression.sharing_changed'
          | 'questionnaire.submitted'
          | 'match_event.wishes_chosen'
          | 'youth_reminders.changed';
        from?: string;
        to?: string;
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the entries found. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['AuditEntry'][];
            total: number;
            page: number;
            pageSize: number;
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getAuditCsv: {
    parameters: {
      query?: {
        userId?: string;
        youthId?: string;
        action?:
          | 'auth.login_succeeded'
          | 'auth.login_failed'
          | 'auth.logout'
          | 'auth.token_created'
          | 'auth.token_revoked'
          | 'auth.password_changed'
          | 'auth.password_change_failed'
          | 'municipality.created'
          | 'user.created'
          | 'user.updated'
          | 'youth.created'
          | 'youth.read'
          | 'youth.searched'
          | 'youth.updated'
          | 'youth.cpr_revealed'
          | 'youth.access_exported'
          | 'youth.legal_hold_set'
          | 'youth.legal_hold_lifted'
          | 'youth.deleted'
          | 'youth.anonymised'
          | 'audit.read'
          | 'audit.pseudonymised'
          | 'settings.updated'
          | 'webhook.delivery_retried'
          | 'journey.opened'
          | 'journey.read'
          | 'journey.event_recorded'
          | 'journey.reassigned'
          | 'journey.listed'
          | 'group.created'
          | 'group.updated'
          | 'group.meetings_changed'
          | 'group.attendance_recorded'
          | 'group.absence_notified'
          | 'group.checked_in'
          | 'group.membership_changed'
          | 'company.created'
          | 'company.updated'
          | 'company.meeting_recorded'
          | 'match_event.created'
          | 'match_event.updated'
          | 'placement.updated'
          | 'placement.hours_logged'
          | 'placement.hours_reported'
          | 'placement.hours_confirmed'
          | 'offer.recorded'
          | 'offer.ended'
          | 'education_injunction.given'
          | 'education_injunction.ended'
          | 'activity.recorded'
          | 'progression.recorded'
          | 'follow_up.recorded'
          | 'alert.updated'
          | 'plan.content_changed'
          | 'plan.rendered'
          | 'plan.version_created'
          | 'appointment.booked'
          | 'appointment.changed'
          | 'appointment.held'
          | 'appointment.absence_notified'
          | 'calendar.feed_renewed'
          | 'calendar.feed_read'
          | 'case_note.written'
          | 'case_note.edited'
          | 'case_note.read'
          | 'evaluation.exported'
          | 'caseload.import_checked'
          | 'caseload.imported'
          | 'youth_login.invited'
          | 'youth_login.invitation_not_sent'
          | 'messages.read'
          | 'youth_login.login_succeeded'
          | 'youth_login.login_failed'
          | 'youth_login.logout'
          | 'youth_login.logout_everywhere'
          | 'progression.self_rated'
          | 'progression.self_rating_requested'
          | 'progression.sharing_changed'
          | 'questionnaire.submitted'
          | 'match_event.wishes_chosen'
          | 'youth_reminders.changed';
        from?: string;
        to?: string;
        /** @description The language of the headings and the actions */
        lang?: 'da' | 'en';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The entries as semicolon-separated UTF-8 CSV with a byte order mark, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The settings, with their version. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MunicipalitySettings'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  updateSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The version the change was made against (optimistic concurrency). */
          version: number;
          eligibility?: components['schemas']['EligibilityLimits'];
          randomisation?: {
            /** @default false */
            enabled?: boolean;
            /** @default 0.5 */
            controlShare?: number;
          };
          risk?: components['schemas']['RiskThresholds'];
          lawSwitchDates?: {
            [key: string]: string;
          };
          accessExport?: {
            /** @default false */
            colleagueNames?: boolean;
          };
          retention?: {
            /** @default 5 */
            personalDataYears?: number;
            /** @default 5 */
            auditYears?: number;
          };
          youthLogin?: {
            /** @default 30 */
            sessionDays?: number;
          };
          webhook?: {
            url: string | null;
            secret?: string;
          };
        };
      };
    };
    responses: {
      /** @description The settings as changed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MunicipalitySettings'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  listWebhookDeliveries: {
    parameters: {
      query?: {
        /** @description failed: given up after the last attempt; pending: waiting to be sent or retried */
        status?: 'failed' | 'pending';
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the deliveries. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['WebhookDelivery'][];
            total: number;
            page: number;
            pageSize: number;
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  retryWebhookDelivery: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The delivery, queued again. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDelivery'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      /** @description The delivery has not failed: it was delivered or is waiting (`conflict`). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  evaluateEligibility: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          age: number;
          /** @enum {string} */
          category: 'obviously_education_ready' | 'education_ready' | 'job_ready' | 'activity_ready';
          /** @default [] */
          barriers?: (
            | 'academic'
            | 'social'
            | 'health'
            | 'mental_health'
            | 'substance_use'
            | 'housing'
            | 'debt'
            | 'criminal_record'
            | 'no_network'
            | 'other'
          )[];
          /**
           * @description The chosen barriers the caseworker weighs as considerable (betydelige); the others count as some (visse)
           * @default []
           */
          considerableBarriers?: (
            | 'academic'
            | 'social'
            | 'health'
            | 'mental_health'
            | 'substance_use'
            | 'housing'
            | 'debt'
            | 'criminal_record'
            | 'no_network'
            | 'other'
          )[];
          /** @default false */
          returning?: boolean;
          /** @default false */
          inEducationOrJob?: boolean;
          /** @default true */
          onBenefit?: boolean;
          /**
           * Format: date
           * @description The decision date; today by default
           */
          on?: string;
        };
      };
    };
    responses: {
      /** @description The decision, explained, with the facts and each condition. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            eligible: boolean;
            code: string;
            explanation: {
              da: string;
              en: string;
            };
            recommendation?: {
              da: string;
              en: string;
              code: string;
            };
            ruleSetVersion: string;
            facts: {
              [key: string]: unknown;
            };
            conditions: {
              [key: string]: unknown;
            }[];
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  suggestVisitationCategory: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          profile: 'A' | 'B' | 'C';
          /** @default [] */
          barriers?: (
            | 'academic'
            | 'social'
            | 'health'
            | 'mental_health'
            | 'substance_use'
            | 'housing'
            | 'debt'
            | 'criminal_record'
            | 'no_network'
            | 'other'
          )[];
          /**
           * @description The chosen barriers the caseworker weighs as considerable (betydelige); the others count as some (visse)
           * @default []
           */
          considerableBarriers?: (
            | 'academic'
            | 'social'
            | 'health'
            | 'mental_health'
            | 'substance_use'
            | 'housing'
            | 'debt'
            | 'criminal_record'
            | 'no_network'
            | 'other'
          )[];
          answers: {
            /** @enum {string} */
            highest_education: 'none' | 'primary_school' | 'upper_secondary' | 'vocational' | 'higher';
            /** @enum {string} */
            wants_education: 'yes' | 'no' | 'unsure';
            /** @enum {string} */
            liked_school: 'yes' | 'partly' | 'no';
            education_importance: number;
            /** @enum {string} */
            six_month_outlook: 'in_education' | 'in_work' | 'on_benefit' | 'other' | 'unsure';
            /** @enum {string} */
            education_choice_difficult: 'yes' | 'partly' | 'no';
            advice_sources: (
              'parents' | 'other_family' | 'friends' | 'teacher_or_counsellor' | 'jobcentre' | 'other' | 'nobody'
            )[];
            completion_obstacles: (
              | 'academic'
              | 'social'
              | 'health'
              | 'mental_health'
              | 'substance_use'
              | 'housing'
              | 'debt'
              | 'criminal_record'
              | 'no_network'
              | 'other'
            )[];
            previous_dropout:
              | {
                  /** @enum {boolean} */
                  droppedOut: false;
                }
              | {
                  /** @enum {boolean} */
                  droppedOut: true;
                  /** @enum {string} */
                  mainReason:
                    | 'wrong_choice'
                    | 'academic'
                    | 'social'
                    | 'health'
                    | 'no_apprenticeship'
                    | 'financial'
                    | 'got_work'
                    | 'other';
                };
            primary_school_grade_average: number | 'unknown';
          };
          /** @default false */
          waitingForApprenticeship?: boolean;
          /**
           * @description Has been on public benefit before (returning)
           * @default false
           */
          returning?: boolean;
          /** @description The assessment that the youth clearly needs support for more than about a year before an education can begin, as its reason (STAR: Den gode ungeindsats i jobcentrene (2017), s. 10); left out when not assessed so */
          supportOverAYearReason?: string;
          /** Format: date */
          on?: string;
        };
      };
    };
    responses: {
      /** @description The suggested category and the reasons for it. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            category: 'obviously_education_ready' | 'education_ready' | 'job_ready' | 'activity_ready';
            reasons: {
              da: string;
              en: string;
              code: string;
              /** @enum {string} */
              category: 'obviously_education_ready' | 'education_ready' | 'job_ready' | 'activity_ready';
            }[];
            ruleSetVersion: string;
            facts: {
              [key: string]: unknown;
            };
            conditions: {
              [key: string]: unknown;
            }[];
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  listJourneysOfYouth: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The youth's journeys, open and closed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['JourneySummary'][];
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      /** @description No such youth (`not_found`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  openJourney: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * @description jobcenter, UU (youth guidance), the youth themself, or another unit
           * @enum {string}
           */
          source: 'jobcenter' | 'uu' | 'self' | 'other_unit';
          /** @description When the youth first made contact */
          firstContactAt: string;
          reason: string;
          /**
           * Format: uuid
           * @description The responsible caseworker; the caseworker opening it by default
           */
          caseworkerId?: string;
          /**
           * @description Earlier periods on public benefit, from the benefit history: none, or earlier periods. Earlier periods make the youth returning, as does an earlier journey in Ungeflow.
           * @enum {string}
           */
          earlierBenefit?: 'none' | 'earlier_periods';
          /** @description With earlier periods: how many months on benefit in all */
          earlierBenefitMonths?: number;
        };
      };
    };
    responses: {
      /** @description The journey as opened. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JourneySummary'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      /** @description No such youth (`not_found`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The youth has an open journey already (`conflict`, with `openJourneyId`). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  listJourneys: {
    parameters: {
      query?: {
        caseworkerId?: string;
        stage?:
          'referred' | 'visitation' | 'intake' | 'control' | 'redirected' | 'active' | 'paused' | 'followUp' | 'closed';
        open?: 'true' | 'false';
        groupId?: string;
        /** @description First contact on or after this day */
        from?: string;
        /** @description First contact before this day */
        to?: string;
        /** @description Only journeys with an alert nobody has acted on yet */
        withOpenAlerts?: 'true' | 'false';
        /** @description The column to sort by: the youth's name, stage, caseworker, last activity, unresolved alerts or next deadline */
        sort?: 'name' | 'stage' | 'caseworker' | 'lastActivity' | 'alerts' | 'deadline';
        dir?: 'asc' | 'desc';
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the journeys found, with their next deadline. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['JourneyListItem'][];
            total: number;
            page: number;
            pageSize: number;
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  reassignJourney: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: uuid */
          caseworkerId: string;
          /**
           * Format: uuid
           * @description The caseworker the move was decided against; when another has it meanwhile, 409 and nothing moves
           */
          expectedCaseworkerId?: string;
        };
      };
    };
    responses: {
      /** @description Moved (or it was already with that caseworker). */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      /** @description Another caseworker has the journey than `expectedCaseworkerId` (`version_conflict`, with `caseworkerId`). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  reassignJourneys: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: uuid
           * @description The caseworker the journeys are moved from; each must still be theirs
           */
          fromCaseworkerId: string;
          /**
           * Format: uuid
           * @description An active caseworker of the municipality, not the one they come from
           */
          toCaseworkerId: string;
          journeys: {
            /** Format: uuid */
            id: string;
            /** @description The journey's version when the move was decided */
            version: number;
          }[];
        };
      };
    };
    responses: {
      /** @description Every journey sent has moved. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description How many journeys moved: all of those sent */
            moved: number;
            /** Format: uuid */
            fromCaseworkerId: string;
            /** Format: uuid */
            toCaseworkerId: string;
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      /** @description Nothing moved: `version_conflict` with `conflicts`, each journey that is changed (`changed`), with another caseworker (`moved`), closed (`closed`) or not found (`not_found`) meanwhile. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  listCaseloads: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The caseloads. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Caseload'][];
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getJourney: {
    parameters: {
      query?: {
        /** @description How many events of the history to send: the newest, or the newest before `eventsBefore` */
        eventsPageSize?: number;
        /** @description Only events before this `seq`: the next page back is the answer's `olderEventsBefore` */
        eventsBefore?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The journey. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Journey'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  sendJourneyEvent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json':
          | {
              /** @enum {string} */
              type: 'FIRST_CONVERSATION_HELD';
              /** @description The journey version the event was decided on */
              expectedVersion: number;
              /**
               * Format: date-time
               * @description When it happened; defaults to now. Not in the future, not before first contact.
               */
              occurredAt?: string;
              /**
               * @description How the conversation was held: in person, by phone or by video; each counts (LAB § 31 stk. 3)
               * @enum {string}
               */
              mode: 'in_person' | 'phone' | 'video';
            }
          | {
              /** @enum {string} */
              type: 'VISITATION_DECIDED';
              /** @description The journey version the event was decided on */
              expectedVersion: number;
              /**
               * Format: date-time
               * @description When it happened; defaults to now. Not in the future, not before first contact.
               */
              occurredAt?: string;
              /**
               * @description One of the categories of the visitation rule set in force on the decision's day
               * @enum {string}
               */
              category: 'obviously_education_ready' | 'education_ready' | 'job_ready' | 'activity_ready';
              /** @default [] */
              barriers?: (
                | 'academic'
                | 'social'
                | 'health'
                | 'mental_health'
                | 'substance_use'
                | 'housing'
                | 'debt'
                | 'criminal_record'
                | 'no_network'
                | 'other'
              )[];
              /**
               * @description The chosen barriers the caseworker weighs as considerable (betydelige); the others count as some (visse)
               * @default []
               */
              considerableBarriers?: (
                | 'academic'
                | 'social'
                | 'health'
                | 'mental_health'
                | 'substance_use'
                | 'housing'
                | 'debt'
                | 'criminal_record'
                | 'no_network'
                | 'other'
              )[];
              /** @description The assessment that the youth clearly needs support for more than about a year before an education can begin, as its reason (STAR: Den gode ungeindsats i jobcentrene (2017), s. 10); left out when not assessed so */
              supportOverAYearReason?: string;
              /**
               * @description Result of the statistical profile assessment (A, B or C)
               * @enum {string}
               */
              profile: 'A' | 'B' | 'C';
              /** @description The ten answers of the preparation questionnaire (STAR: Den gode ungeindsats i jobcentrene (2017), s. 9) */
              questionnaire: {
                /** @enum {string} */
                highest_education: 'none' | 'primary_school' | 'upper_secondary' | 'vocational' | 'higher';
                /** @enum {string} */
                wants_education: 'yes' | 'no' | 'unsure';
                /** @enum {string} */
                liked_school: 'yes' | 'partly' | 'no';
                education_importance: number;
                /** @enum {string} */
                six_month_outlook: 'in_education' | 'in_work' | 'on_benefit' | 'other' | 'unsure';
                /** @enum {string} */
                education_choice_difficult: 'yes' | 'partly' | 'no';
                advice_sources: (
                  'parents' | 'other_family' | 'friends' | 'teacher_or_counsellor' | 'jobcentre' | 'other' | 'nobody'
                )[];
                completion_obstacles: (
                  | 'academic'
                  | 'social'
                  | 'health'
                  | 'mental_health'
                  | 'substance_use'
                  | 'housing'
                  | 'debt'
                  | 'criminal_record'
                  | 'no_network'
                  | 'other'
                )[];
                previous_dropout:
                  | {
                      /** @enum {boolean} */
                      droppedOut: false;
                    }
                  | {
                      /** @enum {boolean} */
                      droppedOut: true;
                      /** @enum {string} */
                      mainReason:
                        | 'wrong_choice'
                        | 'academic'
                        | 'social'
                        | 'health'
                        | 'no_apprenticeship'
                        | 'financial'
                        | 'got_work'
                        | 'other';
                    };
                primary_school_grade_average: number | 'unknown';
              };
              /** @default false */
              inEducationOrJob?: boolean;
              /** @default true */
              onBenefit?: boolean;
              /** @default false */
              waitingForApprenticeship?: boolean;
              /** @description Required when the category differs from the suggested one */
              overrideReason?: string;
            }
          | {
              /** @enum {string} */
              type: 'GROUP_ASSIGNED';
              /** @description The journey version the event was decided on */
              expectedVersion: number;
              /**
               * Format: date-time
               * @description When it happened; defaults to now. Not in the future, not before first contact.
               */
              occurredAt?: string;
              /** Format: uuid */
              groupId: string;
              /** @description NExTWORK's entry condition: the youth can take part at least 15 hours a week. Required when the youth is taken in from intake; not asked on a move to another group */
              canTakePart15HoursAWeek?: boolean;
              /** @description Required when canTakePart15HoursAWeek is false: why the youth is taken in all the same */
              entryOverrideReason?: string;
              /**
               * @description A leader may place a youth in a full group (up to 12 members)
               * @default false
               */
              overrideCapacity?: boolean;
            }
          | {
              /** @enum {string} */
              type: 'PLACEMENT_STARTED';
              /** @description The journey version the event was decided on */
              expectedVersion: number;
              /**
               * Format: date-time
               * @description When it happened; defaults to now. Not in the future, not before first contact.
               */
              occurredAt?: string;
              /** Format: uuid */
              companyId: string;
              /** @enum {string} */
              kind: 'internship' | 'paid_hours' | 'wage_subsidy';
              hoursPerWeek: number;
              /** Format: date */
              plannedEnd?: string;
              /**
               * Format: uuid
               * @description The contact person at the company
               */
              contactId?: string;
              /**
               * @description The youth chose the company themself (magtskifte: the youth chooses, Rockwool Fonden: Ny virksomhedsrettet ungeindsats (2019))
               * @default true
               */
              chosenByYouth?: boolean;
            }
          | {
              /** @enum {string} */
              type: 'PLACEMENT_ENDED';
              /** @description The journey version the event was decided on */
              expectedVersion: number;
              /**
               * Format: date-time
               * @description When it happened; defaults to now. Not in the future, not before first contact.
               */
              occurredAt?: string;
              /** Format: uuid */
              placementId: string;
              reason?: string;
            }
          | {
              /** @enum {string} */
              type: 'PAUSED';
              /** @description The journey version the event was decided on */
              expectedVersion: number;
              /**
               * Format: date-time
               * @description When it happened; defaults to now. Not in the future, not before first contact.
               */
              occurredAt?: string;
              /** @enum {string} */
              reason: 'illness' | 'hospital' | 'treatment' | 'other';
              /** Format: date */
              expectedReturn: string;
              note?: string;
            }
          | {
              /** @enum {string} */
              type: 'RESUMED';
              /** @description The journey version the event was decided on */
              expectedVersion: number;
              /**
               * Format: date-time
               * @description When it happened; defaults to now. Not in the future, not before first contact.
               */
              occurredAt?: string;
            }
          | {
              /** @enum {string} */
              type: 'EXITED';
              /** @description The journey version the event was decided on */
              expectedVersion: number;
              /**
               * Format: date-time
               * @description When it happened; defaults to now. Not in the future, not before first contact.
               */
              occurredAt?: string;
              /** @enum {string} */
              outcome: 'job' | 'education' | 'other_support' | 'dropped_out' | 'moved' | 'other';
              otherSupportType?: string;
              note?: string;
              /**
               * @description The youth stays in the network group as an alumni member
               * @default false
               */
              stayInGroup?: boolean;
            }
          | {
              /** @enum {string} */
              type: 'FOLLOW_UP_RECORDED';
              /** @description The journey version the event was decided on */
              expectedVersion: number;
              /**
               * Format: date-time
               * @description When it happened; defaults to now. Not in the future, not before first contact.
               */
              occurredAt?: string;
              /** @enum {number} */
              month: 3 | 6 | 12;
              /** @enum {string} */
              status: 'in_job' | 'in_education' | 'back_on_benefit' | 'unknown';
            }
          | {
              /** @enum {string} */
              type: 'WITHDRAWN';
              /** @description The journey version the event was decided on */
              expectedVersion: number;
              /**
               * Format: date-time
               * @description When it happened; defaults to now. Not in the future, not before first contact.
               */
              occurredAt?: string;
              reason: string;
              registeredByMistake?: boolean;
            };
      };
    };
    responses: {
      /** @description The journey after the event: its state, the events it takes now and the alerts the event opened or resolved. Its history, rule decisions and open alerts are a GET away. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JourneyEventAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      /** @description The journey changed meanwhile: `expectedVersion` is stale (`version_conflict`, with `currentVersion`). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The current stage does not take this event (`event_not_accepted`, with `stage` and `acceptedEvents`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  listGroups: {
    parameters: {
      query?: {
        active?: 'true' | 'false';
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the groups, with members and next meeting. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['GroupListItem'][];
            total: number;
            page: number;
            pageSize: number;
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  createGroup: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          /**
           * Format: uuid
           * @description A caseworker or leader of the municipality
           */
          facilitatorId: string;
          /** @description ISO weekday: 1 = Monday ... 7 = Sunday */
          weekday: number;
          /** @description Danish local time, HH:MM */
          startTime: string;
          /** @default 120 */
          durationMinutes?: number;
          place: string;
          /**
           * @description Members the group takes; 8 by default, at most 12
           * @default 8
           */
          capacity?: number;
          /** @default true */
          active?: boolean;
        };
      };
    };
    responses: {
      /** @description The group as created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupListItem'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getGroup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The group, its members, its composition and this week's meetings. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Group'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  updateGroup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The version the change was made against (optimistic concurrency). */
          version: number;
          name?: string;
          /** Format: uuid */
          facilitatorId?: string;
          /** @description ISO weekday: 1 = Monday ... 7 = Sunday */
          weekday?: number;
          /** @description Danish local time, HH:MM */
          startTime?: string;
          durationMinutes?: number;
          place?: string;
          /** @description Members the group takes; 8 by default, at most 12 */
          capacity?: number;
          active?: boolean;
        };
      };
    };
    responses: {
      /** @description The group as changed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupListItem'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  listGroupMeetings: {
    parameters: {
      query?: {
        /** @description Meetings on or after this Danish day; today by default */
        from?: string;
        /** @description Meetings on or before this Danish day */
        to?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The group's meetings in the period. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['GroupMeeting'][];
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  createGroupMeeting: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: date-time */
          startsAt: string;
          /** @description The group's duration by default */
          durationMinutes?: number;
          /** @description The group's place by default */
          place?: string;
          note?: string | null;
        };
      };
    };
    responses: {
      /** @description The meeting as created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupMeeting'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  generateGroupMeetings: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          weeks: number;
        };
      };
    };
    responses: {
      /** @description How many meetings were created, and the meetings of the weeks. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Meetings that did not exist before */
            created: number;
            /** @description Every meeting of the generated weeks, new or not */
            items: components['schemas']['GroupMeeting'][];
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getGroupMeeting: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The meeting with its group and the attendance of each member. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupMeetingDetail'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  updateGroupMeeting: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The version the change was made against (optimistic concurrency). */
          version: number;
          /**
           * Format: date-time
           * @description Moves the meeting
           */
          startsAt?: string;
          durationMinutes?: number;
          place?: string;
          /**
           * @description cancelled cancels it; planned reinstates it
           * @enum {string}
           */
          status?: 'planned' | 'cancelled';
          note?: string | null;
        };
      };
    };
    responses: {
      /** @description The meeting as changed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupMeeting'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getMeetingCheckIn: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The meeting's check-in. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Whether the youth can check in now */
            open: boolean;
            /**
             * Format: date-time
             * @description 15 minutes before the meeting starts
             */
            opens: string;
            /**
             * Format: date-time
             * @description When the meeting ends
             */
            closes: string;
            /** @description The code of six letters and digits, while check-in is open; null otherwise */
            code: string | null;
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  recordGroupAttendance: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          entries: {
            /** Format: uuid */
            youthId: string;
            /** @enum {string} */
            status: 'attended' | 'absent_with_notice' | 'absent';
            note?: string | null;
          }[];
        };
      };
    };
    responses: {
      /** @description The meeting with the attendance as recorded. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupMeetingDetail'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  recordNotifiedAbsence: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        youthId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description What the youth said, e.g. the reason */
          note?: string | null;
        };
      };
    };
    responses: {
      /** @description The meeting with its attendance. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupMeetingDetail'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  withdrawNotifiedAbsence: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        youthId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The meeting with its attendance. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupMeetingDetail'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  listCompanies: {
    parameters: {
      query?: {
        /** @description Part of the name, or the start of the CVR number */
        query?: string;
        active?: 'true' | 'false';
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the companies found, with their contacts and youth placed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['CompanyListItem'][];
            total: number;
            page: number;
            pageSize: number;
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  createCompany: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          cvr: string;
          industry?: string | null;
          /**
           * @description A private or a public employer; decides whether a wage subsidy there is a private or a public wage subsidy
           * @default private
           * @enum {string}
           */
          sector?: 'private' | 'public';
          address?: string | null;
          /**
           * @description How many placements (internships, paid hours, wage subsidy) the company can take at once
           * @default 1
           */
          placementCapacity?: number;
          /** @default true */
          active?: boolean;
        };
      };
    };
    responses: {
      /** @description The company as created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Company'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      /** @description A company with this CVR number exists already (`conflict`, with `existingCompanyId`). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getCompany: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The company and its contact people. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CompanyDetail'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  updateCompany: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The version the change was made against (optimistic concurrency). */
          version: number;
          name?: string;
          cvr?: string;
          industry?: string | null;
          /**
           * @description A private or a public employer; decides whether a wage subsidy there is a private or a public wage subsidy
           * @enum {string}
           */
          sector?: 'private' | 'public';
          address?: string | null;
          /** @description How many placements (internships, paid hours, wage subsidy) the company can take at once */
          placementCapacity?: number;
          active?: boolean;
        };
      };
    };
    responses: {
      /** @description The company as changed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CompanyDetail'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  createCompanyContact: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          /** @description Role or job title at the company */
          title?: string | null;
          phone?: (string | '') | null;
          email?: (string | '') | null;
        };
      };
    };
    responses: {
      /** @description The contact person as created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CompanyContact'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  removeCompanyContact: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        contactId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  updateCompanyContact: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        contactId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The version the change was made against (optimistic concurrency). */
          version: number;
          name?: string;
          title?: string | null;
          phone?: (string | '') | null;
          email?: (string | '') | null;
        };
      };
    };
    responses: {
      /** @description The contact person as changed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CompanyContact'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  listCompanyMeetings: {
    parameters: {
      query?: {
        /** @description Meetings on or after this day */
        from?: string;
        /** @description Meetings on or before this day */
        to?: string;
        /** @description Only the meetings this company attended */
        companyId?: string;
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the meetings, with how many attended. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['CompanyMeetingListItem'][];
            total: number;
            page: number;
            pageSize: number;
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  createCompanyMeeting: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: date
           * @description The day of the meeting
           */
          date: string;
          place: string;
          note?: string | null;
          /**
           * @description The companies that attended
           * @default []
           */
          companyIds?: string[];
        };
      };
    };
    responses: {
      /** @description The meeting as recorded, with its attendees. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CompanyMeeting'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getCompanyMeeting: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The meeting with its attendees. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CompanyMeeting'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  setCompanyMeetingAttendance: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The companies that attended */
          companyIds: string[];
          /** @description The meeting version the attendance was taken against; checked when given */
          version?: number;
        };
      };
    };
    responses: {
      /** @description The meeting with its attendees as set. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CompanyMeeting'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  listMatchEvents: {
    parameters: {
      query?: {
        /** @description Events on or after this day */
        from?: string;
        /** @description Events on or before this day */
        to?: string;
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the match events, with how many companies and youth take part. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['MatchEventListItem'][];
            total: number;
            page: number;
            pageSize: number;
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  createMatchEvent: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: date
           * @description The day of the event
           */
          date: string;
          place: string;
          note?: string | null;
          /**
           * @description The companies taking part
           * @default []
           */
          companyIds?: string[];
          /**
           * @description The youth taking part, by journey; only journeys in stage intake or active
           * @default []
           */
          journeyIds?: string[];
        };
      };
    };
    responses: {
      /** @description The match event as created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MatchEvent'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getMatchEvent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The match event: its companies, its youth, their wishes and interest. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MatchEvent'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  setMatchEventParticipants: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The companies taking part; a company left out loses its recorded interests */
          companyIds: string[];
          /** @description The youth taking part, by journey; a journey added must be in stage intake or active. A youth left out loses their recorded wishes. */
          journeyIds: string[];
          /** @description The event version the list was made against; checked when given */
          version?: number;
        };
      };
    };
    responses: {
      /** @description The match event as changed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MatchEvent'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  setMatchEventWishes: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        journeyId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The youth's wishes, first wish first (rank 1..n); only companies taking part */
          companyIds: string[];
          /** @description The version of the youth's wishes (youth[].wishesVersion) the change was made against */
          version: number;
        };
      };
    };
    responses: {
      /** @description The match event as changed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MatchEvent'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  setMatchEventInterests: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        companyId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The youth the company is interested in; only youth taking part */
          journeyIds: string[];
          /** @description The version of the company's interest (companies[].interestsVersion) the change was made against */
          version: number;
        };
      };
    };
    responses: {
      /** @description The match event as changed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MatchEvent'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  setMatchEventChoices: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * @description The wishes of each youth to change; a youth left out keeps what is recorded
           * @default []
           */
          wishes?: {
            /**
             * Format: uuid
             * @description The youth, by journey
             */
            journeyId: string;
            /** @description The youth's wishes, first wish first (rank 1..n); only companies taking part */
            companyIds: string[];
            /** @description The version of the youth's wishes (youth[].wishesVersion) the change was made against */
            version: number;
          }[];
          /**
           * @description The interest of each company to change; a company left out keeps what is recorded
           * @default []
           */
          interests?: {
            /**
             * Format: uuid
             * @description The company
             */
            companyId: string;
            /** @description The youth the company is interested in; only youth taking part */
            journeyIds: string[];
            /** @description The version of the company's interest (companies[].interestsVersion) the change was made against */
            version: number;
          }[];
        };
      };
    };
    responses: {
      /** @description The match event as changed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MatchEvent'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  listMatchEventMatches: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The match list. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MatchList'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  switchPlacement: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The journey version the switch was decided on */
          expectedVersion: number;
          /**
           * Format: uuid
           * @description The next company
           */
          companyId: string;
          /** @enum {string} */
          kind: 'internship' | 'paid_hours' | 'wage_subsidy';
          hoursPerWeek: number;
          /** Format: date */
          plannedEnd?: string;
          /**
           * Format: uuid
           * @description The contact person at the company
           */
          contactId?: string;
          /**
           * @description The youth chose the company themself (magtskifte: the youth chooses, Rockwool Fonden: Ny virksomhedsrettet ungeindsats (2019))
           * @default true
           */
          chosenByYouth?: boolean;
          /** @description Why the current placement ends */
          reason?: string;
          /**
           * Format: date-time
           * @description When the switch happened; defaults to now. Not in the future, not before first contact.
           */
          occurredAt?: string;
        };
      };
    };
    responses: {
      /** @description The placement ended, the one started, and the journey's new version. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            journeyVersion: number;
            ended: components['schemas']['Placement'];
            started: components['schemas']['Placement'];
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      /** @description The youth is not in a placement now, or the stage does not take it (`event_not_accepted`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  listPlacementsOfJourney: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The journey's placements, ended ones too. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Placement'][];
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  listPlacements: {
    parameters: {
      query?: {
        companyId?: string;
        /** @description true: running placements; false: ended ones */
        active?: 'true' | 'false';
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the placements found. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Placement'][];
            total: number;
            page: number;
            pageSize: number;
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getPlacement: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The placement with the hours of each week. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlacementDetail'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  updatePlacement: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The placement version the change was made against */
          version: number;
          plannedEnd?: string | null;
          /** @description The agreed hours a week */
          hoursPerWeek?: number;
          /** @description The contact person at the company */
          contactId?: string | null;
        };
      };
    };
    responses: {
      /** @description The placement as changed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlacementDetail'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      /** @description Changed by someone else meanwhile (`version_conflict`), or the placement has ended (`conflict`). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  setPlacementHours: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        /** @description The Monday the week begins */
        weekStart: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Hours actually worked that week */
          hours: number;
        };
      };
    };
    responses: {
      /** @description The placement with the week's hours as set. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlacementDetail'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  listHoursReportsOfJourney: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The journey's reported weeks. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              placementId: string;
              /** Format: uuid */
              journeyId: string;
              /** Format: uuid */
              youthId: string;
              company: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              /**
               * Format: date
               * @description The Monday of the week reported
               */
              weekStart: string;
              /** @description The hours the youth reported */
              hours: number;
              /** @description The youth's own note */
              note: string | null;
              /** Format: date-time */
              reportedAt: string;
              /**
               * @description reported: waiting for the caseworker; confirmed as reported; corrected to other hours
               * @enum {string}
               */
              status: 'reported' | 'confirmed' | 'corrected';
              /** @description The hours that count as worked; null while waiting */
              confirmedHours: number | null;
              decidedAt: string | null;
              version: number;
            }[];
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  confirmHoursReport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The report version the decision was made against */
          version: number;
          /** @description The hours worked, when they differ from the reported; left out, the reported hours are confirmed */
          hours?: number;
        };
      };
    };
    responses: {
      /** @description The report as decided. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            placementId: string;
            /** Format: uuid */
            journeyId: string;
            /** Format: uuid */
            youthId: string;
            company: {
              /** Format: uuid */
              id: string;
              name: string;
            };
            /**
             * Format: date
             * @description The Monday of the week reported
             */
            weekStart: string;
            /** @description The hours the youth reported */
            hours: number;
            /** @description The youth's own note */
            note: string | null;
            /** Format: date-time */
            reportedAt: string;
            /**
             * @description reported: waiting for the caseworker; confirmed as reported; corrected to other hours
             * @enum {string}
             */
            status: 'reported' | 'confirmed' | 'corrected';
            /** @description The hours that count as worked; null while waiting */
            confirmedHours: number | null;
            decidedAt: string | null;
            version: number;
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  listOffersOfJourney: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The journey's offers. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Offer'][];
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  recordOffer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * @description Internships and wage subsidies are recorded as placements
           * @enum {string}
           */
          kind: 'guidance_upskilling' | 'utility_work' | 'mentor';
          /**
           * @description Which vejledning og opkvalificering (required for guidance_upskilling, e.g. bridge_building)
           * @enum {string}
           */
          subtype?: 'ordinary_education' | 'special_course' | 'bridge_building' | 'reading_writing_maths';
          /** @description School, course provider or mentor */
          provider?: string;
          /**
           * Format: date
           * @description The first day
           */
          startDate: string;
          /**
           * Format: date
           * @description The planned last day; left out when open-ended
           */
          plannedEnd?: string;
          /** @description Hours a week; required for a mentor grant */
          hoursPerWeek?: number;
          note?: string;
        };
      };
    };
    responses: {
      /** @description The offer as recorded. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Offer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      /** @description The journey has ended (`event_not_accepted`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  endOffer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The version the change was made against (optimistic concurrency). */
          version: number;
          /**
           * Format: date
           * @description The last day of the offer (included); not after today
           */
          endedOn: string;
          /**
           * @description completed: ran its course; stopped: ended early
           * @enum {string}
           */
          cause: 'completed' | 'stopped';
        };
      };
    };
    responses: {
      /** @description The offer as ended. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Offer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      /** @description Changed by someone else meanwhile (`version_conflict`), already ended, or a placement (`conflict`). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  listEducationInjunctions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The injunctions, the latest given first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['EducationInjunction'][];
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  giveEducationInjunction: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: date
           * @description The day the injunction was given; not after today
           */
          givenOn: string;
          /** @description The education goal, e.g. a vocational education as a carpenter */
          goal: string;
          /**
           * Format: date
           * @description When the education is to start, when known
           */
          startBy?: string;
        };
      };
    };
    responses: {
      /** @description The injunction as given. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EducationInjunction'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      /** @description An injunction is already in force (`conflict`). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The journey has ended (`event_not_accepted`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  endEducationInjunction: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The version the change was made against (optimistic concurrency). */
          version: number;
          /**
           * Format: date
           * @description The day it stopped being in force; not after today
           */
          endedOn: string;
        };
      };
    };
    responses: {
      /** @description The injunction as ended. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EducationInjunction'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      /** @description Changed by someone else meanwhile (`version_conflict`), or already ended. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  listActivities: {
    parameters: {
      query?: {
        kind?: 'conversation' | 'mentor_contact' | 'other_contact';
        /** @description Occurred on or after this day */
        from?: string;
        /** @description Occurred on or before this day */
        to?: string;
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the activities, by kind and period. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Activity'][];
            total: number;
            page: number;
            pageSize: number;
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  recordActivity: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json':
          | {
              /** @enum {string} */
              kind: 'conversation';
              /** @enum {string} */
              conversationKind: 'individual' | 'group';
              /**
               * @description How it was held: in person, by phone or by video; a job conversation counts in each (STAR)
               * @enum {string}
               */
              mode: 'in_person' | 'phone' | 'video';
              /**
               * @description An individual job conversation; these count towards LAB § 31 stk. 3, whatever the mode
               * @default false
               */
              jobConversation?: boolean;
              /**
               * Format: date-time
               * @description When it happened; defaults to now. Not in the future, not before first contact.
               */
              occurredAt?: string;
              /** @description A short note */
              note?: string;
            }
          | {
              /** @enum {string} */
              kind: 'mentor_contact';
              /**
               * Format: date-time
               * @description When it happened; defaults to now. Not in the future, not before first contact.
               */
              occurredAt?: string;
              /** @description A short note */
              note?: string;
            }
          | {
              /** @enum {string} */
              kind: 'other_contact';
              /**
               * Format: date-time
               * @description When it happened; defaults to now. Not in the future, not before first contact.
               */
              occurredAt?: string;
              /** @description A short note */
              note?: string;
            };
      };
    };
    responses: {
      /** @description The activity as recorded. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Activity'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      /** @description The journey is closed (`event_not_accepted`, with `stage`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  listAppointmentsOfYouth: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every appointment of the youth, in time order. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Appointment'][];
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  bookAppointment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * @description An individual job conversation (LAB § 31), another conversation, or another meeting
           * @enum {string}
           */
          kind: 'job_conversation' | 'conversation' | 'other_meeting';
          /**
           * @description In person (at `place`), by phone or by video
           * @enum {string}
           */
          mode: 'in_person' | 'phone' | 'video';
          /**
           * Format: date-time
           * @description When it begins; not in the past
           */
          startsAt: string;
          /** @default 45 */
          durationMinutes?: number;
          /** @description Where, for a meeting in person (required then) */
          place?: string | null;
          note?: string | null;
          /**
           * Format: uuid
           * @description Who holds it: the caseworker booking it, or the youth’s caseworker
           */
          caseworkerId?: string;
        };
      };
    };
    responses: {
      /** @description The appointment as booked. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Appointment'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  listAppointments: {
    parameters: {
      query?: {
        /** @description Starting on or after this Danish day; today by default */
        from?: string;
        /** @description Starting on or before this Danish day */
        to?: string;
        /** @description A leader's choice of caseworker; a caseworker sees their own */
        caseworkerId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The appointments in time order. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Appointment'][];
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getAppointment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The appointment. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Appointment'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  changeAppointment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The version the change was made against (optimistic concurrency). */
          version: number;
          /**
           * @description An individual job conversation (LAB § 31), another conversation, or another meeting
           * @enum {string}
           */
          kind?: 'job_conversation' | 'conversation' | 'other_meeting';
          /**
           * @description In person (at `place`), by phone or by video
           * @enum {string}
           */
          mode?: 'in_person' | 'phone' | 'video';
          /**
           * Format: date-time
           * @description Moves it
           */
          startsAt?: string;
          durationMinutes?: number;
          /** @description Where, for a meeting in person (required then) */
          place?: string | null;
          note?: string | null;
          /**
           * @description cancelled cancels it; planned books it again
           * @enum {string}
           */
          status?: 'planned' | 'cancelled';
        };
      };
    };
    responses: {
      /** @description The appointment as changed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Appointment'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      /** @description Changed by someone else meanwhile (`version_conflict`, with `currentVersion`). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  holdAppointment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The version the change was made against (optimistic concurrency). */
          version: number;
          /** @description A note for the recorded conversation or contact */
          note?: string | null;
        };
      };
    };
    responses: {
      /** @description The appointment, held. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Appointment'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      /** @description Changed by someone else meanwhile (`version_conflict`). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The journey is closed or takes no conversation now (`event_not_accepted`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getCalendarFeed: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The address, or null when none is made yet. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarFeed'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  renewCalendarFeed: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The new address. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarFeed'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getToday: {
    parameters: {
      query?: {
        /** @description Youth with no contact for this many days are listed under `withoutContact` */
        contactDays?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The caseworker's day. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Today'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  listCaseNotes: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the notes. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['CaseNote'][];
            total: number;
            page: number;
            pageSize: number;
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  writeCaseNote: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: date
           * @description The day the note is about; today when left out. Not in the future.
           */
          concernsOn?: string;
          /**
           * @description conversation, phone, email, network_meeting (with family, school, treatment), assessment (professional), other
           * @enum {string}
           */
          kind: 'conversation' | 'phone' | 'email' | 'network_meeting' | 'assessment' | 'other';
          text: string;
        };
      };
    };
    responses: {
      /** @description The note as written. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CaseNote'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getCaseNote: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The note. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CaseNote'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  editCaseNote: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The version the edit was made against (optimistic concurrency). */
          version: number;
          /**
           * Format: date
           * @description The day the note is about; not in the future.
           */
          concernsOn?: string;
          /**
           * @description conversation, phone, email, network_meeting (with family, school, treatment), assessment (professional), other
           * @enum {string}
           */
          kind?: 'conversation' | 'phone' | 'email' | 'network_meeting' | 'assessment' | 'other';
          text?: string;
        };
      };
    };
    responses: {
      /** @description The note as edited, with its earlier versions. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CaseNote'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      /** @description Neither the author nor a leader (`forbidden`). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      404: components['responses']['NotFound'];
      /** @description Edited by someone else meanwhile (`version_conflict`, with `currentVersion`). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getProgression: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every measurement, oldest first, and the first and latest score of each factor. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Progression'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  recordProgression: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: date
           * @description The day of the measurement; today by default
           */
          measuredOn?: string;
          /**
           * @description The youth's own rating or the caseworker's
           * @enum {string}
           */
          assessedBy: 'youth' | 'caseworker';
          /** @description 1-10 for each factor measured; at least one */
          scores: {
            beliefInOwnAbilities?: number;
            selfRatedHealth?: number;
            network?: number;
            meaningAndDirection?: number;
            /** @description The caseworker's assessment; only when assessedBy is caseworker */
            readiness?: number;
          };
        };
      };
    };
    responses: {
      /** @description The measurement as recorded. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProgressionMeasurement'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      /** @description The journey is closed (`event_not_accepted`, with `stage`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getSelfRatings: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The youth's ratings, the open request and whether the caseworker shares. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SelfRatings'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  requestSelfRating: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The request that was open already. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SelfRatingRequest'];
        };
      };
      /** @description The request, made now. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SelfRatingRequest'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      /** @description The journey is closed (`event_not_accepted`, with `stage`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  shareProgression: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Show the caseworker's own assessments to the youth beside their ratings */
          shared: boolean;
        };
      };
    };
    responses: {
      /** @description Whether they are shared now. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Show the caseworker's own assessments to the youth beside their ratings */
            shared: boolean;
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getQuestionnaireResponse: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The youth's answers, or null. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QuestionnaireResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  listDueFollowUps: {
    parameters: {
      query?: {
        /** @description overdue: due before today; upcoming: due today or later; every pending one when left out */
        due?: 'overdue' | 'upcoming';
        /** @description Only this caseworker's youth */
        caseworkerId?: string;
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the follow-ups due. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['DueFollowUp'][];
            total: number;
            page: number;
            pageSize: number;
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  listFollowUpsOfJourney: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The journey's follow-ups, recorded or not. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['FollowUp'][];
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  listAlerts: {
    parameters: {
      query?: {
        status?: 'open' | 'acknowledged' | 'snoozed' | 'resolved' | 'unresolved';
        severity?: 'info' | 'low' | 'medium' | 'high';
        code?: string;
        caseworkerId?: string;
        groupId?: string;
        forLeader?: 'true' | 'false';
        /** @description The user the alert is assigned to */
        assignedTo?: string;
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the alerts found, and the counts. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              journeyId: string;
              /** Format: uuid */
              youthId: string;
              code: string;
              /** @enum {string} */
              severity: 'info' | 'low' | 'medium' | 'high';
              /** @enum {string} */
              status: 'open' | 'acknowledged' | 'snoozed' | 'resolved';
              forLeader: boolean;
              assignedTo: string | null;
              /** Format: date-time */
              openedAt: string;
              escalatedAt: string | null;
              snoozedUntil: string | null;
              resolvedAt: string | null;
              message: {
                da: string;
                en: string;
              };
              source: string;
              conditions: {
                [key: string]: unknown;
              }[];
              facts: {
                [key: string]: unknown;
              };
              ruleSetVersion: string;
              version: number;
              youthName: string;
              /** Format: uuid */
              caseworkerId: string;
            }[];
            total: number;
            page: number;
            pageSize: number;
            countsBySeverity: {
              info: number;
              low: number;
              medium: number;
              high: number;
            };
            /** @description The alerts not resolved, per status, for the same filter (the status itself aside) */
            countsByStatus: {
              open: number;
              acknowledged: number;
              snoozed: number;
            };
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getAlert: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The alert with the conditions that opened it and its history. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            journeyId: string;
            /** Format: uuid */
            youthId: string;
            code: string;
            /** @enum {string} */
            severity: 'info' | 'low' | 'medium' | 'high';
            /** @enum {string} */
            status: 'open' | 'acknowledged' | 'snoozed' | 'resolved';
            forLeader: boolean;
            assignedTo: string | null;
            /** Format: date-time */
            openedAt: string;
            escalatedAt: string | null;
            snoozedUntil: string | null;
            resolvedAt: string | null;
            message: {
              da: string;
              en: string;
            };
            source: string;
            conditions: {
              [key: string]: unknown;
            }[];
            facts: {
              [key: string]: unknown;
            };
            ruleSetVersion: string;
            version: number;
            history: {
              /** Format: date-time */
              at: string;
              actorId: string | null;
              action: string;
              note: string | null;
              details: {
                [key: string]: unknown;
              };
            }[];
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  backtestRiskRules: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: date */
          from: string;
          /** Format: date */
          to: string;
          set?: components['schemas']['RiskThresholds'];
        };
      };
    };
    responses: {
      /** @description What the rules would have done in the period. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            days: number;
            journeys: number;
            parameters: {
              [key: string]: unknown;
            };
            ruleSetVersion: string;
            rules: {
              code: string;
              opened: number;
              youth: number;
            }[];
            millis: number;
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  acknowledgeAlert: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AlertNote'];
      };
    };
    responses: {
      /** @description The alert as changed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Alert'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      /** @description Changed by someone else meanwhile (`version_conflict`, with `currentVersion`), or already resolved (`conflict`). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  snoozeAlert: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          version: number;
          /** Format: date */
          until: string;
          reason: string;
        };
      };
    };
    responses: {
      /** @description The alert as changed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Alert'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      /** @description Changed by someone else meanwhile (`version_conflict`, with `currentVersion`), or already resolved (`conflict`). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  reassignAlert: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          version: number;
          /** Format: uuid */
          userId: string;
        };
      };
    };
    responses: {
      /** @description The alert as changed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Alert'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      /** @description Changed by someone else meanwhile (`version_conflict`, with `currentVersion`), or already resolved (`conflict`). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  resolveAlert: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AlertNote'];
      };
    };
    responses: {
      /** @description The alert as changed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Alert'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      /** @description Changed by someone else meanwhile (`version_conflict`, with `currentVersion`), or already resolved (`conflict`). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getPlanContent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The plan content, with its version. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanContent'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  updatePlanContent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The version the change was made against; required once the content has been saved */
          version?: number;
          /** @description The youth's goal (job or education) in their own words */
          goal: string | null;
          /** @description Agreements and other agreed efforts (LAB § 41 stk. 2) */
          agreements: string[];
          nextSteps: {
            what: string;
            when?: string | null;
            who?: string | null;
          }[];
          /** @description What stabilises health and everyday life; part of the plan of activity-ready youth */
          stabilisation: string[];
          /** @description The day the plan is next gone through with the youth: not in the past, at most a year ahead (a typing error otherwise). Left out, it stays as it is; null removes it. */
          reviewOn?: string | null;
        };
      };
    };
    responses: {
      /** @description The plan content as changed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanContent'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      /** @description The journey is closed (`event_not_accepted`, with `stage`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getPlanData: {
    parameters: {
      query?: {
        /** @description The language of the plan: Danish (default) or English */
        lang?: 'da' | 'en';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The plan data in the language asked for. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanData'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  renderPlan: {
    parameters: {
      query?: {
        /** @description The language of the plan: Danish (default) or English */
        lang?: 'da' | 'en';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The plan as an A4 PDF */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/pdf': string;
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  listPlanVersions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The stored versions, number 1 first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['PlanVersion'][];
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  createPlanVersion: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * @default da
           * @enum {string}
           */
          lang?: 'da' | 'en';
        };
      };
    };
    responses: {
      /** @description The stored version. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanVersion'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  diffPlanVersions: {
    parameters: {
      query: {
        from: string;
        to: string;
        /** @description The language of the labels and values; from Accept-Language by default */
        lang?: 'da' | 'en';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description What changed between the two versions, field by field. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanDiff'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  renderPlanVersion: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The plan as an A4 PDF */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/pdf': string;
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getOverview: {
    parameters: {
      query: {
        /** @description First Danish day of the period (included) */
        from: string;
        /** @description Last Danish day of the period (included) */
        to: string;
        by?: 'unit' | 'caseworker' | 'group';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The key figures. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            from: string;
            to: string;
            /** @enum {string} */
            by: 'unit' | 'caseworker' | 'group';
            /**
             * Format: date
             * @description The Danish day the status figures (passive, in placement) are taken at, and the last day the key figures count: the period's last day, or today while the period runs
             */
            statusOn: string;
            /** @description The municipality's passive threshold in days (the risk rules' passiveDays), as the passive share uses it */
            passiveAfterDays: number;
            rows: {
              id: string | null;
              label: string;
              visitationCategories: {
                total: number;
                counts: {
                  obviously_education_ready: number;
                  education_ready: number;
                  job_ready: number;
                  activity_ready: number;
                };
              };
              firstConversation: {
                total: number;
                counts: {
                  sameDay: number;
                  withinWeek: number;
                  withinMonth: number;
                  later: number;
                  notYet: number;
                };
              };
              passive: components['schemas']['OverviewShare'];
              inPlacement: components['schemas']['OverviewShare'];
              mentorContact: components['schemas']['OverviewShare'];
              exitOutcomes: {
                total: number;
                counts: {
                  job: number;
                  education: number;
                  other_support: number;
                  dropped_out: number;
                  moved: number;
                  other: number;
                };
              };
              followUps: {
                total: number;
                counts: {
                  in_job: number;
                  in_education: number;
                  back_on_benefit: number;
                  unknown: number;
                };
              };
              /** @description The key figures by STAR's and jobindsats.dk's definitions, for every journey and by the visitation category decided by the end of the period */
              keyFigures: {
                all: components['schemas']['OverviewKeyFigures'];
                byCategory: {
                  obviously_education_ready: components['schemas']['OverviewKeyFigures'];
                  education_ready: components['schemas']['OverviewKeyFigures'];
                  job_ready: components['schemas']['OverviewKeyFigures'];
                  activity_ready: components['schemas']['OverviewKeyFigures'];
                  notVisitated: components['schemas']['OverviewKeyFigures'];
                };
              };
              progression: {
                /** @enum {string} */
                factor: 'beliefInOwnAbilities' | 'selfRatedHealth' | 'network' | 'meaningAndDirection' | 'readiness';
                numerator: number;
                denominator: number;
                average: number | null;
              }[];
            }[];
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getOverviewCsv: {
    parameters: {
      query: {
        /** @description First Danish day of the period (included) */
        from: string;
        /** @description Last Danish day of the period (included) */
        to: string;
        by?: 'unit' | 'caseworker' | 'group';
        /** @description The language of the headings */
        lang?: 'da' | 'en';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The key figures as semicolon-separated UTF-8 CSV with a byte order mark */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getAccessExport: {
    parameters: {
      query?: {
        /** @description A PDF for the youth, or JSON for a system */
        format?: 'pdf' | 'json';
        /** @description The PDF's language */
        lang?: 'da' | 'en';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Everything Ungeflow holds about the youth, as an A4 PDF or as JSON (`format`) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/pdf': string;
          'application/json': components['schemas']['AccessExport'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getEvaluationExport: {
    parameters: {
      query: {
        /** @description First Danish day of the period the draws were made in (included) */
        from: string;
        /** @description Last Danish day of the period (included) */
        to: string;
        /** @description The evaluation's name: the same name gives the same pseudonyms (case and spaces do not count) */
        evaluation: string;
        format?: 'csv' | 'json';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One pseudonymised row per journey drawn in the period, as CSV (semicolons, UTF-8 with a BOM) or JSON */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
          'application/json': components['schemas']['EvaluationExport'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  inviteYouth: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * @description How the link goes out: by SMS to the youth's phone, or by e-mail.
           * @enum {string}
           */
          channel: 'sms' | 'email';
          /**
           * @description The language of the message; Danish unless chosen.
           * @default da
           * @enum {string}
           */
          lang?: 'da' | 'en';
        };
      };
    };
    responses: {
      /** @description Sent. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['YouthInvitation'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalError'];
      /** @description The SMS gateway or the mail server did not take the message. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      503: components['responses']['Unavailable'];
    };
  };
  listOwnDevices: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The live sessions of the youth, newest use first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['YouthDevice'][];
          };
        };
      };
      401: components['responses']['Unauthenticated'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  logOutYouth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Logged out; the cookie is cleared. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  logOutYouthEverywhere: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Logged out everywhere; the cookie is cleared. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description How many devices were logged out. */
            devices: number;
          };
        };
      };
      401: components['responses']['Unauthenticated'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
}
