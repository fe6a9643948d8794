-- Argo CD health of an Atonix resource (AppStack, Postgres, Redis), read from the status the operator writes:
-- status.observedGeneration and the conditions Ready, Progressing and Degraded (metav1.Condition shape).
local hs = {}

local function condition(conditions, name)
  for _, c in ipairs(conditions) do
    if c.type == name then
      return c
    end
  end
  return nil
end

local function message(c, fallback)
  if c ~= nil and c.message ~= nil and c.message ~= "" then
    return c.message
  end
  return fallback
end

local status = obj.status
if status == nil or status.observedGeneration == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to report a status"
  return hs
end

local generation = obj.metadata.generation
if generation ~= nil and status.observedGeneration < generation then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to observe generation " .. tostring(generation)
    .. " (it reported generation " .. tostring(status.observedGeneration) .. ")"
  return hs
end

local conditions = status.conditions or {}
local ready = condition(conditions, "Ready")
local degraded = condition(conditions, "Degraded")
local progressing = condition(conditions, "Progressing")

if degraded ~= nil and degraded.status == "True" then
  hs.status = "Degraded"
  hs.message = message(degraded, message(ready, degraded.reason or "Degraded"))
  return hs
end

if ready ~= nil and ready.status == "True" then
  hs.status = "Healthy"
  hs.message = message(ready, "Ready")
  return hs
end

hs.status = "Progressing"
hs.message = message(ready, message(progressing, "Waiting for the resource to become ready"))
return hs
