// SafeguardingIngest in one resource group: storage (uploads, feedback, archive, tables), the Function
// App on the Flex Consumption plan with a managed identity and no storage keys, and monitoring.
targetScope = 'resourceGroup'

@description('Short name for this deployment, used in resource names (lower-case letters and digits).')
@minLength(3)
@maxLength(12)
param environmentName string

@description('Azure region; default the resource group\'s.')
param location string = resourceGroup().location

@description('NCRONTAB schedule of the consolidated return compile (six fields); default 06:00 daily.')
param compileSchedule string = '0 0 6 * * *'

@description('NCRONTAB schedule of the sweep of rows left by runs that died (six fields); default hourly, at half past.')
param sweepSchedule string = '0 30 * * * *'

@description('Origins the agencies\' upload page is served from (its static website, such as https://<account>.z33.web.core.windows.net); the blob service allows the page\'s uploads from these only.')
param uploadPageOrigins array = []

@description('Agencies signing in with Entra ID: agency code to the object id of its group; each may write returns/{code}/ and read feedback/{code}/ only.')
param agencyGroups object = {}

@description('Object id of the performance team\'s Entra ID group, given read on reports/, publications/ and the tables; empty: none.')
param performanceTeamGroup string = ''

@description('Object id of the group or identity that publishes the board\'s pages, given read on publications/ alone; empty: none.')
param publisherPrincipal string = ''

@description('The publisher\'s principal type: Group or ServicePrincipal.')
@allowed([
  'Group'
  'ServicePrincipal'
])
param publisherPrincipalType string = 'Group'

@description('Incoming-webhook URL (a Teams workflow or Logic App) told when a quarter is compiled, a return refused or returns are overdue; empty: off.')
@secure()
param notifyWebhookUrl string = ''

@description('Days a refused original is kept in quarantine before deletion.')
@minValue(30)
param quarantineRetentionDays int = 400

@description('Days feedback reports are kept before deletion.')
@minValue(30)
param feedbackRetentionDays int = 800

@description('Days deleted blobs and previous versions of the archive can be restored.')
@minValue(7)
@maxValue(365)
param softDeleteRetentionDays int = 90

@description('Subscribe the blob trigger to blob-created events. Set true on the second deployment, once the app\'s code is deployed and its blob extension key exists (docs/operations.md).')
param subscribeBlobEvents bool = false

@description('Maximum instances the Flex Consumption plan may scale to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

var suffix = uniqueString(resourceGroup().id, environmentName)
var tags = {
  application: 'safeguarding-ingest'
  environment: environmentName
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: 'sgi-${environmentName}-${suffix}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  params: {
    name: take('sgi${environmentName}${suffix}', 24)
    location: location
    tags: tags
    quarantineRetentionDays: quarantineRetentionDays
    feedbackRetentionDays: feedbackRetentionDays
    softDeleteRetentionDays: softDeleteRetentionDays
    uploadPageOrigins: uploadPageOrigins
  }
}

module functions 'app/functions.bicep' = {
  name: 'functions'
  params: {
    name: 'sgi-${environmentName}-${suffix}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: '${storage.outputs.blobEndpoint}${storage.outputs.deploymentContainer}'
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    compileSchedule: compileSchedule
    sweepSchedule: sweepSchedule
    notifyWebhookUrl: notifyWebhookUrl
    maximumInstanceCount: maximumInstanceCount
  }
}

module roles 'app/roles.bicep' = {
  name: 'roles'
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    principalId: functions.outputs.principalId
  }
}

module agencyRoles 'app/agency-roles.bicep' = {
  name: 'agency-roles'
  params: {
    storageAccountName: storage.outputs.name
    agencyGroups: agencyGroups
    performanceTeamGroup: performanceTeamGroup
    publisherPrincipal: publisherPrincipal
    publisherPrincipalType: publisherPrincipalType
  }
}

module events 'app/events.bicep' = if (subscribeBlobEvents) {
  name: 'events'
  params: {
    name: 'sgi-${environmentName}-${suffix}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    functionAppName: functions.outputs.name
  }
}

@description('The Function App, for deploying code: func azure functionapp publish <name>.')
output functionAppName string = functions.outputs.name

@description('The Function App\'s host name.')
output functionAppHostName string = functions.outputs.defaultHostName

@description('The storage account: uploads go to its returns container.')
output storageAccountName string = storage.outputs.name

@description('The blob endpoint agencies upload to (with credentials from sgi credential).')
output blobEndpoint string = storage.outputs.blobEndpoint

@description('The Application Insights resource the app logs to.')
output applicationInsightsName string = monitoring.outputs.applicationInsightsName

@description('The Log Analytics workspace behind it.')
output logAnalyticsWorkspaceName string = monitoring.outputs.workspaceName
