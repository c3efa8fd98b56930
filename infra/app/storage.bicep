// The storage account of docs/storage.md: containers and tables, no anonymous access, TLS 1.2,
// no shared keys, soft delete and versioning for the archive, lifecycle rules for quarantine and feedback.
param name string
param location string
param tags object
param quarantineRetentionDays int
param feedbackRetentionDays int
param softDeleteRetentionDays int
param uploadPageOrigins array

var containers = [
  'returns'
  'feedback'
  'archive'
  'quarantine'
  'config'
  'reports'
  'publications'
  'deployment'
]
var tables = [
  'Submissions'
  'Observations'
  'Compilations'
]

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_ZRS'
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
    changeFeed: {
      enabled: true
      retentionInDays: softDeleteRetentionDays
    }
    restorePolicy: {
      enabled: false
    }
    // The agencies' upload page sends a return and reads its feedback straight from the browser,
    // with the link's SAS: only from the page's own origin.
    cors: {
      corsRules: empty(uploadPageOrigins) ? [] : [
        {
          allowedOrigins: uploadPageOrigins
          allowedMethods: [ 'GET', 'HEAD', 'PUT', 'OPTIONS' ]
          allowedHeaders: [ 'content-type', 'x-ms-blob-type', 'x-ms-meta-filename', 'x-ms-version', 'x-ms-client-request-id' ]
          exposedHeaders: [ 'ETag', 'x-ms-request-id' ]
          maxAgeInSeconds: 600
        }
      ]
    }
  }
}

resource blobContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for container in containers: {
  parent: blobService
  name: container
  properties: {
    publicAccess: 'None'
  }
}]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource storageTables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for table in tables: {
  parent: tableService
  name: table
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

// Versions are kept for the archive only; everything else is replaced in place, so its old
// versions go at once. Refused originals and feedback expire after their retention.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'quarantine-retention'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'quarantine/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: quarantineRetentionDays
                }
              }
            }
          }
        }
        {
          name: 'feedback-retention'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'feedback/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: feedbackRetentionDays
                }
              }
            }
          }
        }
        {
          name: 'versions-outside-archive'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'returns/'
                'feedback/'
                'quarantine/'
                'config/'
                'reports/'
                'publications/'
                'deployment/'
              ]
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: 1
                }
              }
            }
          }
        }
      ]
    }
  }
  dependsOn: [
    blobContainers
  ]
}

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output deploymentContainer string = 'deployment'
