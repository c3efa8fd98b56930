// Agencies and the performance team signing in with their organisations' Entra ID accounts, in
// groups. Each agency's group may write only returns/{code}/… and read only feedback/{code}/…:
// Storage Blob Data Contributor with a role-assignment condition on the blob path (attribute-based
// access control), no delete anywhere, and listing only under its own prefix. The performance
// team's group reads the reports container (every release, the team's files among them), the
// publications container and the tables. Whoever publishes (a group, or the identity of a site that
// serves the board's pages) reads the publications container alone: the page, the csv and its
// metadata of each release, never the workbook or the JSON. Nothing broader.
param storageAccountName string

@description('Agency code to the object id of its Entra ID group, such as { "POL": "00000000-0000-0000-0000-000000000000" }.')
param agencyGroups object

@description('Object id of the performance team\'s Entra ID group; empty: none.')
param performanceTeamGroup string

@description('Object id of the group or identity that publishes the board\'s pages; empty: none.')
param publisherPrincipal string = ''

@description('The publisher\'s principal type: Group or ServicePrincipal.')
@allowed([
  'Group'
  'ServicePrincipal'
])
param publisherPrincipalType string = 'Group'

// Built-in role definition ids (stable across tenants).
var blobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var blobDataReader = '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
var tableDataReader = '76199698-9eea-4c19-bc75-cec21354c6b6'

// {code} is replaced by each agency's code. Write: returns/{code}/ only. Read: feedback/{code}/ only.
// List: under {code}/ in those two containers only. Delete: never. (A literal string, so the compiled
// template holds the condition as written.)
var agencyCondition = '''
(
 (
  !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write'})
  AND
  !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action'})
 )
 OR
 (
  @Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals 'returns'
  AND
  @Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringStartsWith '{code}/'
 )
)
AND
(
 (
  !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'} AND NOT SubOperationMatches{'Blob.List'})
 )
 OR
 (
  @Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals 'feedback'
  AND
  @Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringStartsWith '{code}/'
 )
)
AND
(
 (
  !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'} AND SubOperationMatches{'Blob.List'})
 )
 OR
 (
  (
   @Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals 'returns'
   OR
   @Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals 'feedback'
  )
  AND
  @Request[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:prefix] StringStartsWith '{code}/'
 )
)
AND
(
 !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete'})
 AND
 !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/move/action'})
)
'''

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' existing = {
  parent: account
  name: 'default'
}

resource reports 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' existing = {
  parent: blobService
  name: 'reports'
}

resource publications 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' existing = {
  parent: blobService
  name: 'publications'
}

resource agencyRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for agency in items(agencyGroups): {
  scope: account
  name: guid(account.id, agency.value, blobDataContributor, agency.key)
  properties: {
    principalId: agency.value
    principalType: 'Group'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributor)
    conditionVersion: '2.0'
    condition: replace(agencyCondition, '{code}', agency.key)
    description: 'Agency ${agency.key}: write returns/${agency.key}/ and read feedback/${agency.key}/ only'
  }
}]

resource teamReports 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(performanceTeamGroup)) {
  scope: reports
  name: guid(reports.id, performanceTeamGroup, blobDataReader)
  properties: {
    principalId: performanceTeamGroup
    principalType: 'Group'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataReader)
    description: 'Performance team: read the compiled reports'
  }
}

resource teamPublications 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(performanceTeamGroup)) {
  scope: publications
  name: guid(publications.id, performanceTeamGroup, blobDataReader)
  properties: {
    principalId: performanceTeamGroup
    principalType: 'Group'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataReader)
    description: 'Performance team: read the published files of every release'
  }
}

resource publisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(publisherPrincipal)) {
  scope: publications
  name: guid(publications.id, publisherPrincipal, blobDataReader)
  properties: {
    principalId: publisherPrincipal
    principalType: publisherPrincipalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataReader)
    description: 'Publisher: read the page, csv and metadata of each release, nothing else'
  }
}

resource teamTables 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(performanceTeamGroup)) {
  scope: account
  name: guid(account.id, performanceTeamGroup, tableDataReader)
  properties: {
    principalId: performanceTeamGroup
    principalType: 'Group'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', tableDataReader)
    description: 'Performance team: read submissions and observations'
  }
}
