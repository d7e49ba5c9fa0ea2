import { customizeValidator } from "@rjsf/validator-ajv8";
import Ajv2020 from "ajv/dist/2020";

/** @rjsf's validator on Ajv's draft 2020-12 class, the draft our schemas use. */
export const rjsfValidator = customizeValidator({ AjvClass: Ajv2020 as never });
